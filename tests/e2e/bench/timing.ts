// Shared by the benchmarks: clocks read inside the page (performance.now(), ms since its
// navigation started), medians, and the report lines with their limits.
import type { Page } from "@playwright/test";

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One figure over its runs: `median 42 ms (runs: 40, 42, 57 ms)`, and against its limit
 * when it has one (reported, not asserted: a benchmark prints, it does not fail). */
export function line(name: string, values: number[], limit?: number): string {
  const m = Math.round(median(values));
  const verdict = limit === undefined ? "" : m <= limit ? `  within ${limit} ms` : `  OVER the limit of ${limit} ms`;
  return `  ${name.padEnd(52)} median ${m} ms  (runs: ${values.map(Math.round).join(", ")} ms)${verdict}`;
}

/**
 * Keeps, in every page `page` loads, the time of the last click or change event (its
 * `timeStamp`: when the browser made the event, on the page's clock). A figure "from the
 * click" starts there: Playwright's own steps before it (finding the element, waiting
 * for it to be stable, scrolling it into view: several trips into a page slowed 4x) are
 * not the user's wait. As the Event Timing API, which INP is built on, counts from it.
 */
export async function watchInput(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const type of ["click", "change"]) {
      addEventListener(type, (event) => ((window as unknown as { inputAt: number }).inputAt = event.timeStamp), {
        capture: true,
      });
    }
  });
}

/** When the last click or change reached the page (see `watchInput`). */
export async function inputAt(page: Page): Promise<number> {
  const at = await page.evaluate(() => (window as unknown as { inputAt?: number }).inputAt);
  if (at === undefined) throw new Error("no click or change reached the page");
  return at;
}

/**
 * Waits, checking on every animation frame, until the rows of `rowsSelector` are at least
 * `atLeast` and every one of them contains `text` (when given); returns the page's clock
 * then.
 */
export async function rowsShownAt(page: Page, rowsSelector: string, atLeast: number, text?: string): Promise<number> {
  const handle = await page.waitForFunction(
    ({ rowsSelector, atLeast, text }) => {
      const rows = [...document.querySelectorAll(rowsSelector)];
      const done = rows.length >= atLeast && (!text || rows.every((tr) => tr.textContent?.includes(text)));
      return done ? performance.now() : false;
    },
    { rowsSelector, atLeast, text },
    { polling: "raf", timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * When the last answer of the API had arrived whole, by the page's clock, before `before`
 * (the rows showing): where "once their data has arrived" starts, whichever answers the
 * page waits for (the session, a summary beside the rows, the rows themselves).
 */
export async function dataArrivedAt(page: Page, before: number): Promise<number> {
  const at = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType("resource")
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => new URL(e.name).pathname.startsWith("/api/") && e.responseEnd <= before)
        .reduce((latest, e) => Math.max(latest, e.responseEnd), -1),
    before,
  );
  if (at < 0) throw new Error("no answer from the API before the rows showed");
  return at;
}

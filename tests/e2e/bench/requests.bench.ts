// Benchmark, not a timed test: the requests page of admin@scale.demo (2,000 requests, the
// newest 150 open, of six types) in headless Chromium with the CPU slowed down four
// times. Prints the figures; asserts only that the page worked.
//   npx playwright test --config tests/e2e/bench.config.ts
import type { Page } from "@playwright/test";
import { test, expect, signIn } from "../support/fixtures";
import { dataArrivedAt, line, now, rowsShownAt } from "./timing";

const RUNS = 5;
const SLOWDOWN = 4;
const rows = "table tbody tr";

/** A full load of /requests (open requests, newest first): when the first 50 rows show,
 * from the navigation and from the arrival of their data. */
async function firstRender(page: Page): Promise<{ fromStart: number; fromData: number }> {
  await page.goto("/requests", { waitUntil: "commit" });
  const shown = await rowsShownAt(page, rows, 50);
  return { fromStart: shown, fromData: shown - (await dataArrivedAt(page, "/api/v1/requests?", shown)) };
}

/** Milliseconds from choosing a type filter until the list shows only that type. Both
 * types have open requests in the scale seed (it has no trainings). */
async function filterChange(page: Page, type: string, label: string): Promise<number> {
  const start = await now(page);
  await page.getByLabel("Type").selectOption(type);
  return (await rowsShownAt(page, rows, 1, label)) - start;
}

test("requests page of the scale customer, 4x CPU slowdown", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "admin@scale.demo");
  await expect(page.getByRole("banner")).toBeVisible();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });

  const first: number[] = [];
  const rowsRender: number[] = [];
  const filter: number[] = [];
  const back: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { fromStart, fromData } = await firstRender(page);
    first.push(fromStart);
    rowsRender.push(fromData);
    filter.push(await filterChange(page, "remote_service", "Remote help"));
    back.push(await filterChange(page, "hotline", "Hotline: report a problem"));
  }
  const count = await page.locator(rows).count();
  const loadMore = page.getByRole("button", { name: "Load more" });
  const more: number[] = [];
  if (await loadMore.isVisible()) {
    const start = await now(page);
    await loadMore.click();
    more.push((await rowsShownAt(page, rows, count + 1)) - start);
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  const report = [
    `requests page, admin@scale.demo, CPU slowdown x${SLOWDOWN}, ${RUNS} runs:`,
    line("first 50 rows (from navigation start)", first),
    line("first 50 rows (from their data's arrival)", rowsRender, 100),
    line("filter change, type = remote help (API included)", filter, 250),
    line("filter change, type = hotline (API included)", back, 250),
    more.length ? line("load more (next rows, from the click)", more) : "  load more: no next page",
  ].join("\n");
  console.log(report);
  test.info().annotations.push({ type: "benchmark", description: report });
  expect(first.length).toBe(RUNS);
});

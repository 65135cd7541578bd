// Benchmark (a measurement, not a test with a limit): the credit page of the scale
// customer (10 000 ledger entries) in headless Chromium with the CPU slowed 4x.
// Reports the time to the ledger's first render, to a filtered result, to the next
// page ("Load more") and to the CSV of the whole ledger.
//   npx playwright test --config tests/e2e/bench.config.ts
import { test, expect, signIn } from "../support/fixtures";
import type { Page } from "@playwright/test";

const RUNS = 3;
const rows = "[data-testid=ledger] tbody tr";

/** The page's clock (`performance.now()`, ms since the navigation started) once the
 * ledger shows more than `atLeast` rows, all of them debits for `service` when given;
 * checked on every animation frame. */
async function rowsShownAt(page: Page, atLeast: number, service?: string): Promise<number> {
  const handle = await page.waitForFunction(
    ({ atLeast, service }) => {
      const rows = [...document.querySelectorAll("[data-testid=ledger] tbody tr")];
      const match = (tr: Element) =>
        tr.className === "ledger-debit" && tr.querySelector("td:nth-child(3)")?.textContent === service;
      const done = rows.length > atLeast && (!service || rows.every(match));
      return done ? performance.now() : false;
    },
    { atLeast, service },
    { polling: "raf", timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test("credit page of the scale customer, CPU x4", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "admin@scale.demo");
  await expect(page.getByRole("banner")).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  const figures: Record<string, number[]> = { firstRender: [], filtered: [], loadMore: [], csv: [] };
  for (let run = 0; run < RUNS; run++) {
    // A full load of /credit: the wasm, the session, the credit summary, the ledger.
    await page.goto("/credit", { waitUntil: "commit" });
    figures.firstRender.push(await rowsShownAt(page, 0));
    await expect(page.getByTestId("ledger-count")).toHaveText("Entries shown: 50");

    // A filter: debits of one service, from the start of the year.
    await page.getByLabel("Kind", { exact: true }).selectOption("debit");
    await page.getByLabel("Service", { exact: true }).selectOption("remote_service");
    const year = new Date().getUTCFullYear();
    await page.getByLabel("From", { exact: true }).fill(`${year}-01-01`);
    const before = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Apply filter" }).click();
    await expect(page).toHaveURL(/service=remote_service/);
    const after = await rowsShownAt(page, 0, "Remote intervention");
    figures.filtered.push(after - before);

    // The next page of the filtered ledger.
    const shown = await page.locator(rows).count();
    const beforeMore = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Load more" }).click();
    const afterMore = await rowsShownAt(page, shown);
    figures.loadMore.push(afterMore - beforeMore);

    // The CSV of the whole ledger (10 000 entries, 20 pages of 500).
    await page.getByRole("button", { name: "Clear filter" }).click();
    await expect(page).toHaveURL(/\/credit$/);
    await expect(page.getByTestId("ledger-count")).toHaveText("Entries shown: 50");
    const downloading = page.waitForEvent("download", { timeout: 120_000 });
    const beforeCsv = Date.now();
    await page.getByRole("button", { name: "Download CSV" }).click();
    await downloading;
    figures.csv.push(Date.now() - beforeCsv);
    await expect(page.getByTestId("export-status")).toHaveText("Downloaded. Entries in the file: 10000");
  }

  const lines = Object.entries({
    "ledger first render (from navigation start)": figures.firstRender,
    "filtered result (from the click)": figures.filtered,
    "next page, Load more (from the click)": figures.loadMore,
    "CSV of 10 000 entries (from the click)": figures.csv,
  }).map(
    ([name, values]) =>
      `  ${name.padEnd(46)} median ${Math.round(median(values))} ms  (runs: ${values.map(Math.round).join(", ")} ms)`,
  );
  const report = [`credit page, admin@scale.demo, CPU throttled 4x, ${RUNS} runs:`, ...lines].join("\n");
  console.log(report);
  test.info().annotations.push({ type: "benchmark", description: report });
});

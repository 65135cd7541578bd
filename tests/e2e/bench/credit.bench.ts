// Benchmark (figures, not a test with a limit): the credit page of the scale customer
// (10 000 ledger entries) in headless Chromium with the CPU slowed 4x. Reports the time
// to the ledger's first render, the render of its first 50 rows once their data has
// arrived, a filtered result, the next page ("Load more") and the CSV of the whole ledger.
//   npx playwright test --config tests/e2e/bench.config.ts
import { test, expect, signIn } from "../support/fixtures";
import { dataArrivedAt, inputAt, line, rowsShownAt, watchInput } from "./timing";

const RUNS = 3;
const rows = "[data-testid=ledger] tbody tr";

test("credit page of the scale customer, CPU x4", async ({ page }) => {
  await watchInput(page);
  await page.goto("/sign-in");
  await signIn(page, "admin@scale.demo");
  // The banner is on the sign-in page too: wait for the company's name in it, or the
  // first navigation below could leave before the session cookie is set.
  await expect(page.getByRole("banner")).toContainText("Scale Test");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  const figures: Record<string, number[]> = { firstRender: [], rowsRender: [], filtered: [], loadMore: [], csv: [] };
  for (let run = 0; run < RUNS; run++) {
    // A full load of /credit: the wasm, the session, the credit summary, the ledger.
    await page.goto("/credit", { waitUntil: "commit" });
    const shown = await rowsShownAt(page, rows, 50);
    figures.firstRender.push(shown);
    figures.rowsRender.push(shown - (await dataArrivedAt(page, shown)));
    await expect(page.getByTestId("ledger-count")).toHaveText("Entries shown: 50");

    // A filter: debits of one service, from the start of the year.
    await page.getByLabel("Kind", { exact: true }).selectOption("debit");
    await page.getByLabel("Service", { exact: true }).selectOption("remote_service");
    const year = new Date().getUTCFullYear();
    await page.getByLabel("From", { exact: true }).fill(`${year}-01-01`);
    await page.getByRole("button", { name: "Apply filter" }).click();
    await expect(page).toHaveURL(/service=remote_service/);
    const filtered = await rowsShownAt(page, rows, 1, "Remote intervention");
    figures.filtered.push(filtered - (await inputAt(page)));

    // The next page of the filtered ledger.
    const count = await page.locator(rows).count();
    await page.getByRole("button", { name: "Load more" }).click();
    const more = await rowsShownAt(page, rows, count + 1);
    figures.loadMore.push(more - (await inputAt(page)));

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
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  const report = [
    `credit page, admin@scale.demo, CPU throttled 4x, ${RUNS} runs:`,
    line("ledger's first 50 rows (from navigation start)", figures.firstRender),
    line("ledger's first 50 rows (from their data's arrival)", figures.rowsRender, 100),
    line("filtered result (from the click, API included)", figures.filtered, 250),
    line("next page, Load more (from the click)", figures.loadMore),
    line("CSV of 10 000 entries (from the click)", figures.csv),
  ].join("\n");
  console.log(report);
  test.info().annotations.push({ type: "benchmark", description: report });
});

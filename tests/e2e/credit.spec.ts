// The SBP credit page (/credit): balance, forecast, warning, chart, ledger, CSV export,
// statement and top-up, checked against what the API itself answers. The suite's
// browser speaks en-GB, which the portal formats with Intl's "en-GB".
import { readFileSync } from "node:fs";
import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import type { Page } from "@playwright/test";

type Money = { minor: number; currency: string };
type Entry = {
  id: number;
  at: string;
  kind: "top_up" | "debit" | "expiry" | "adjustment";
  amount: Money;
  balance_after: Money;
  service: string | null;
  request_id: number | null;
  request_title: string | null;
  minutes: number | null;
  note: string | null;
};
type Credit = {
  balance: Money;
  low_balance_threshold: Money;
  below_threshold: boolean;
  forecast: { monthly_burn: Money; runs_out_on: string | null; expiring_unused: unknown[] };
  usage: { month: string; by_service: { service: string; amount: Money }[]; total: Money; balance_at_end: Money }[] | null;
};

const KOWALSKI = "admin@kowalski-aero.demo";
const STROJIRNY = "admin@strojirny-hradec.demo";

async function openCredit(page: Page, email: string) {
  await page.goto("/");
  await signIn(page, email);
  await page.getByRole("link", { name: "SBP credit" }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(page.getByRole("heading", { level: 1, name: "SBP credit" })).toBeVisible();
  await expect(page.getByTestId("credit-balance")).toBeVisible();
}

/** `GET /api/v1/...` with the browser's session cookie. */
async function api<T>(page: Page, path: string): Promise<T> {
  const answer = await page.request.get(`/api/v1${path}`);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

/** Every ledger entry for a query, page by page. */
async function ledger(page: Page, query = ""): Promise<Entry[]> {
  const items: Entry[] = [];
  let cursor: string | null = null;
  do {
    const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const answer: { items: Entry[]; next_cursor: string | null } = await api(
      page,
      `/credit/ledger?limit=500${query ? `&${query}` : ""}${suffix}`,
    );
    items.push(...answer.items);
    cursor = answer.next_cursor;
  } while (cursor);
  return items;
}

/** Money as the portal shows it in English. */
function money(page: Page, m: Money): Promise<string> {
  return page.evaluate(
    ({ minor, currency }) => new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(minor / 100),
    m,
  );
}

function day(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    iso,
  );
}

const ledgerRows = (page: Page) => page.getByTestId("ledger").locator("tbody tr");

for (const { email, below } of [
  { email: KOWALSKI, below: true },
  { email: STROJIRNY, below: false },
]) {
  test(`${email} sees the balance, threshold and forecast${below ? " and the low-balance warning" : ""}`, async ({
    page,
  }) => {
    await openCredit(page, email);
    const credit = await api<Credit>(page, "/credit");
    expect(credit.below_threshold).toBe(below);
    await expect(page.getByTestId("credit-balance")).toHaveText(await money(page, credit.balance));
    await expect(page.getByTestId("credit-threshold")).toHaveText(await money(page, credit.low_balance_threshold));
    await expect(page.getByTestId("credit-burn")).toHaveText(await money(page, credit.forecast.monthly_burn));
    const runsOut = credit.forecast.runs_out_on ? await day(page, credit.forecast.runs_out_on) : "Not at the current use";
    await expect(page.getByTestId("credit-runs-out")).toHaveText(runsOut);
    const blocks = page.getByTestId("credit-blocks").locator("tbody tr");
    await expect(blocks).not.toHaveCount(0);
    if (below) {
      const warning = page.getByTestId("low-balance");
      await expect(warning).toBeVisible();
      await expect(warning).toContainText("is below your threshold");
      await expect(warning.getByRole("link", { name: "Request a top-up" })).toBeVisible();
    } else {
      await expect(page.getByTestId("low-balance")).toHaveCount(0);
    }
    await expect(ledgerRows(page).first()).toBeVisible();
    await expectAccessible(page);
  });
}

test("a member sees the balance and the forecast but no ledger, chart or export", async ({ page }) => {
  await openCredit(page, "inzynier@kowalski-aero.demo");
  const credit = await api<Credit>(page, "/credit");
  expect(credit.usage).toBeNull();
  await expect(page.getByTestId("credit-balance")).toHaveText(await money(page, credit.balance));
  await expect(page.getByTestId("credit-runs-out")).toBeVisible();
  await expect(page.getByText("available to your company's administrators")).toBeVisible();
  await expect(page.getByTestId("ledger")).toHaveCount(0);
  await expect(page.getByTestId("usage-chart")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Download CSV" })).toHaveCount(0);
  // The server refuses the ledger to members too.
  expect((await page.request.get("/api/v1/credit/ledger")).status()).toBe(404);
  await expectAccessible(page);
});

test("an admin without SBP gets no credit entry, and /credit explains why", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("banner")).toContainText("Tatra Forming");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Home" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "SBP credit" })).toHaveCount(0);
  await page.goto("/credit");
  await expect(page.getByRole("heading", { name: "Your company has no SBP credit" })).toBeVisible();
  await expect(page.getByTestId("credit-balance")).toHaveCount(0);
  await expectAccessible(page);
});

test("filters change the ledger, live in the URL and survive a reload", async ({ page }) => {
  await openCredit(page, KOWALSKI);
  const all = await ledger(page);
  await expect(page.getByTestId("ledger-count")).toHaveText(`Entries shown: ${Math.min(all.length, 50)}`);
  await expect(ledgerRows(page)).toHaveCount(Math.min(all.length, 50));

  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Top-up" });
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/\/credit\?kind=top_up$/);
  const topUps = all.filter((e) => e.kind === "top_up");
  expect(topUps.length).toBeGreaterThan(0);
  await expect(ledgerRows(page)).toHaveCount(topUps.length);
  for (const cell of await ledgerRows(page).locator("td:nth-child(2)").allTextContents()) expect(cell).toBe("Top-up");

  // A period and a service narrow it down again.
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Debit" });
  const service = all.find((e) => e.kind === "debit")?.service ?? "remote_service";
  const label = await page.getByLabel("Service", { exact: true }).locator(`option[value="${service}"]`).textContent();
  await page.getByLabel("Service", { exact: true }).selectOption(service);
  const from = all[Math.floor(all.length / 2)].at.slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&service=${service}&kind=debit`));
  const debits = all.filter((e) => e.kind === "debit" && e.service === service && e.at.slice(0, 10) >= from);
  await expect(ledgerRows(page)).toHaveCount(debits.length);
  for (const cell of await ledgerRows(page).locator("td:nth-child(3)").allTextContents()) expect(cell).toBe(label);
  // Each debit links to its request.
  const first = debits[0];
  await expect(ledgerRows(page).first().getByRole("link")).toHaveAttribute("href", `/requests/${first.request_id}`);

  await page.reload();
  await expect(ledgerRows(page)).toHaveCount(debits.length);
  await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("debit");
  await expect(page.getByLabel("Service", { exact: true })).toHaveValue(service);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);

  // A period that ends before it starts is refused at the field.
  await page.getByLabel("To", { exact: true }).fill("2000-01-01");
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page.getByText("The start date must not be after the end date.")).toBeVisible();
  await expect(page).toHaveURL(/kind=debit$/);

  await page.getByRole("button", { name: "Clear filter" }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(ledgerRows(page)).toHaveCount(Math.min(all.length, 50));
  await expectAccessible(page);
});

/** Splits CSV text (RFC 4180, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

test("the CSV export holds every filtered entry with the right totals", async ({ page }) => {
  await openCredit(page, STROJIRNY);
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Debit" });
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/kind=debit/);
  const debits = await ledger(page, "kind=debit");
  expect(debits.length).toBeGreaterThan(1);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sbp-ledger-\d{4}-\d{2}\.csv$/);
  await expect(page.getByTestId("export-status")).toHaveText(`Downloaded. Entries in the file: ${debits.length}`);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  expect(rows[0]).toEqual([
    "Date",
    "Kind",
    "Service",
    "Request number",
    "Request",
    "Hours",
    "Amount",
    "Currency",
    "Balance after",
    "Note",
  ]);
  const body = rows.slice(1);
  expect(body).toHaveLength(debits.length);
  body.forEach((row, i) => {
    const entry = debits[i];
    expect(row[0]).toBe(entry.at.slice(0, 10));
    expect(row[1]).toBe("Debit");
    expect(row[3]).toBe(String(entry.request_id));
    expect(Math.round(Number(row[6]) * 100)).toBe(entry.amount.minor);
    expect(row[7]).toBe("CZK");
    expect(Math.round(Number(row[8]) * 100)).toBe(entry.balance_after.minor);
  });
  const total = body.reduce((sum, row) => sum + Math.round(Number(row[6]) * 100), 0);
  expect(total).toBe(debits.reduce((sum, e) => sum + e.amount.minor, 0));
  // Diacritics survive (request titles of a Czech customer).
  expect(body.map((r) => r[4]).join(" ")).toBe(debits.map((e) => e.request_title ?? "").join(" "));
});

test("the chart's table holds the same numbers as the API's monthly use", async ({ page }) => {
  await openCredit(page, KOWALSKI);
  const credit = await api<Credit>(page, "/credit");
  const usage = credit.usage ?? [];
  expect(usage).toHaveLength(12);
  const chart = page.getByRole("img", { name: /Credit used per month/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("rect")).not.toHaveCount(0);
  // Drawn as SVG (an element made in the HTML namespace would have no box).
  expect(await chart.evaluate((svg) => svg.namespaceURI)).toBe("http://www.w3.org/2000/svg");
  const bar = await chart.locator("rect").first().boundingBox();
  expect(bar?.height ?? 0).toBeGreaterThan(0);
  const line = await chart.locator("polyline").boundingBox();
  expect(line?.width ?? 0).toBeGreaterThan(300);
  await page.getByText("Show as table").click();
  const table = page.getByTestId("usage-table");
  await expect(table).toBeVisible();
  const services = (await table.locator("thead th").allTextContents()).slice(1, -2);
  const codes = await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>("#ledger-service");
    return Object.fromEntries([...(select?.options ?? [])].map((o) => [o.text, o.value]));
  });
  await expect(table.locator("tbody tr")).toHaveCount(12);
  for (const month of usage) {
    const cells = await table.locator(`tbody tr[data-month="${month.month}"] td`).allTextContents();
    const expected: string[] = [];
    for (const name of services) {
      const minor = month.by_service.find((s) => s.service === codes[name])?.amount.minor ?? 0;
      expected.push(await money(page, { minor, currency: month.total.currency }));
    }
    expected.push(await money(page, month.total), await money(page, month.balance_at_end));
    expect(cells, month.month).toEqual(expected);
  }
  // Every service used in the year is a column, and the legend names it.
  const used = new Set(usage.flatMap((m) => m.by_service.map((s) => s.service)));
  expect(services.map((s) => codes[s]).sort()).toEqual([...used].sort());
  await expectAccessible(page);
});

test("a next ledger page that fails keeps the shown rows and offers a retry", async ({ page }) => {
  // Smaller pages, so that the demo's year of entries spans several.
  let failNext = true;
  await page.route(/\/api\/v1\/credit\/ledger\?/, async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has("cursor") && failNext) {
      failNext = false;
      await route.abort("failed");
      return;
    }
    url.searchParams.set("limit", "10");
    await route.continue({ url: url.toString() });
  });
  await openCredit(page, KOWALSKI);
  await expect(ledgerRows(page)).toHaveCount(10);
  const shown = await ledgerRows(page).allTextContents();
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("alert")).toContainText("The next entries could not be loaded");
  await expect(ledgerRows(page)).toHaveCount(10);
  expect(await ledgerRows(page).allTextContents()).toEqual(shown);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(ledgerRows(page)).toHaveCount(20);
  await expect(page.getByTestId("ledger-count")).toHaveText("Entries shown: 20");
  expect((await ledgerRows(page).allTextContents()).slice(0, 10)).toEqual(shown);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a ledger answer that contradicts itself is an error, never a wrong number", async ({ page }) => {
  await page.route(/\/api\/v1\/credit\/ledger\?/, async (route) => {
    const answer = await route.fetch();
    const body = await answer.json();
    body.items[0].balance_after.minor += 100;
    await route.fulfill({ response: answer, json: body });
  });
  await openCredit(page, KOWALSKI);
  await expect(page.getByRole("alert")).toContainText("Something unexpected went wrong");
  await expect(ledgerRows(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
});

test("the monthly statement adds up and prints without the portal around it", async ({ page }) => {
  await openCredit(page, KOWALSKI);
  const credit = await api<Credit>(page, "/credit");
  // The last complete month: the statement's closing balance is that month's end balance.
  const month = (credit.usage ?? [])[10];
  await page.getByLabel("Statement for").selectOption(month.month);
  await page.getByRole("link", { name: "Open the statement" }).click();
  await expect(page).toHaveURL(new RegExp(`/credit\\?statement=${month.month}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^SBP credit statement: / })).toBeVisible();
  const summary = page.getByTestId("statement-summary");
  await expect(summary.locator("dd").last()).toHaveText(await money(page, month.balance_at_end));
  const used = await money(page, { minor: -month.total.minor, currency: month.total.currency });
  await expect(summary.locator("dd").nth(2)).toHaveText(used);
  const entries = await ledger(page, `from=${month.month}-01&to=${month.month}-${lastDay(month.month)}`);
  if (entries.length > 0) await expect(page.getByTestId("statement-entries").locator("tbody tr")).toHaveCount(entries.length);
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(summary).toBeVisible();
});

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0");
}

test("the low-balance warning leads to the top-up request, pre-filled with twice the threshold", async ({
  page,
}) => {
  await openCredit(page, KOWALSKI);
  const credit = await api<Credit>(page, "/credit");
  // 5 000,00 PLN of threshold: 10 000,00 suggested.
  const amount = (Math.ceil((credit.low_balance_threshold.minor * 2) / 100)).toFixed(2);
  const link = page.getByTestId("low-balance").getByRole("link", { name: "Request a top-up" });
  await expect(link).toHaveAttribute("href", `/requests/new?type=credit_top_up&amount=${amount}`);
  await link.click();
  await expect(page).toHaveURL(/\/requests\/new\?type=credit_top_up&amount=/);
  await expect(page.getByLabel("Amount (PLN)")).toHaveValue(amount);
});

test("the overview shows the SBP balance at a glance, with the warning only when low", async ({ page }) => {
  await page.goto("/");
  await signIn(page, KOWALSKI);
  const glance = page.getByRole("region", { name: "SBP balance" });
  await expect(glance.getByTestId("glance-balance")).toBeVisible();
  const credit = await api<Credit>(page, "/credit");
  await expect(glance.getByTestId("glance-balance")).toHaveText(await money(page, credit.balance));
  await expect(glance).toContainText("is below your threshold");
  await expectAccessible(page);
  await glance.getByRole("link", { name: "Credit details" }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(page.getByTestId("credit-balance")).toHaveText(await money(page, credit.balance));

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, STROJIRNY);
  const other = page.getByRole("region", { name: "SBP balance" });
  await expect(other.getByTestId("glance-balance")).toBeVisible();
  await expect(other).not.toContainText("below your threshold");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the ledger shows each entry as a card, with nothing off-screen", async ({ page }) => {
    await page.goto("/credit");
    await signIn(page, KOWALSKI);
    await expect(page.getByRole("heading", { level: 1, name: "SBP credit" })).toBeVisible();
    const rows = ledgerRows(page);
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);

    // The document does not scroll sideways, nor does the ledger's own container.
    const sideways = await page.evaluate(() => {
      const root = document.documentElement;
      const wrap = document.querySelector("[data-testid=ledger]")?.parentElement;
      return {
        document: root.scrollWidth - root.clientWidth,
        ledger: wrap ? wrap.scrollWidth - wrap.clientWidth : 0,
      };
    });
    expect(sideways).toEqual({ document: 0, ledger: 0 });

    // Each entry's amount (and the balance after it) lies within the viewport.
    for (let i = 0; i < count; i++) {
      for (const column of [6, 7]) {
        const box = await rows.nth(i).locator(`td:nth-child(${column})`).boundingBox();
        expect(box, `row ${i} column ${column}`).not.toBeNull();
        expect(box!.width).toBeGreaterThan(0);
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      }
    }
    // A card is a few lines high, not a row of seven cells squeezed into the width.
    // A card, not seven cells squeezed side by side: the date and the amount share its
    // first line, the balance after sits on a line of its own below.
    const [date, amount, balance] = await Promise.all(
      [1, 6, 7].map((column) => rows.first().locator(`td:nth-child(${column})`).boundingBox()),
    );
    expect(Math.abs(date!.y - amount!.y)).toBeLessThan(4);
    expect(amount!.x).toBeGreaterThan(date!.x + date!.width);
    expect(balance!.y).toBeGreaterThan(amount!.y + amount!.height);
    await expectAccessible(page);
  });
});

// The request pages: the list, a request's detail, and the new-request form, against the
// reference server's demo world. Tests share one database with parallel workers, so each
// makes its own requests with a unique title and never counts anything it did not make.
import type { Browser, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import { serverBin } from "./support/global-setup";

const unique = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function signedIn(page: Page, email: string, path = "/requests") {
  await page.goto(path);
  await signIn(page, email);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(path.replace(/[?]/g, "\\?")));
}

async function newPage(browser: Browser, email: string, path: string) {
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const page = await context.newPage();
  await signedIn(page, email, path);
  return page;
}

/** How many of this user's requests have this title, asked of the API. */
async function countTitled(page: Page, title: string): Promise<number> {
  let count = 0;
  for (const open of ["true", "false"]) {
    const answer = await page.request.get(`/api/v1/requests?open=${open}&q=${encodeURIComponent(title)}`);
    expect(answer.ok()).toBeTruthy();
    const body = await answer.json();
    count += body.items.filter((r: { title: string }) => r.title === title).length;
  }
  return count;
}

function staff(...args: string[]): string {
  return execFileSync(serverBin, ["staff", ...args, "--db", process.env.PORTAL_DB ?? ""], { encoding: "utf8" });
}

const requestId = (page: Page) => Number(new URL(page.url()).pathname.split("/").pop());

test("a member's training waits for approval, the admin approves, logged time debits the credit", async ({
  page,
  browser,
}) => {
  // The longest story of the suite (two people, three pages each, the support team's
  // command line): 22 to 24 s on 2 idle cores, over 30 with one of them busy.
  test.slow();
  const title = unique("CATIA course for the design team");
  await signedIn(page, "inzynier@kowalski-aero.demo", "/requests/new");
  await expect(page.getByRole("heading", { name: "What do you need?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Training/ }).click();
  await expect(page.getByRole("heading", { name: "New request: Training" })).toBeVisible();

  await page.getByLabel("Subject").fill(title);
  // Before a course is chosen only the rate is known, and the confirmation says so.
  await expect(page.getByLabel("I agree to the cost at the rate shown (SBP credit)")).toBeVisible();
  const course = page.getByLabel("Course and date");
  const firstOpenDate = await course.locator("option:not([disabled]):not([value=''])").first().getAttribute("value");
  await course.selectOption(firstOpenDate ?? "");
  await page.getByLabel("Participants").fill("2");
  await page.getByLabel("Describe what you need").fill("Two designers new to CATIA V5.");

  const estimate = page.getByRole("complementary", { name: "Cost" });
  await expect(estimate).toContainText("Paid from your prepaid SBP credit.");
  await expect(estimate).toContainText("Estimated cost:");
  await expect(estimate).toContainText("An administrator of your company approves this");
  await expectAccessible(page);

  // Sending without confirming the cost is refused at the checkbox.
  await page.getByRole("button", { name: "Send request" }).click();
  const accept = page.getByLabel(/^I agree to the cost: .+ \(SBP credit\)$/);
  await expect(accept).toHaveAttribute("aria-invalid", "true");
  await expect(accept).toBeFocused();
  await accept.check();
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".page-head .status-badge")).toHaveText("Awaiting approval");
  await expectAccessible(page);
  const id = requestId(page);

  const admin = await newPage(browser, "admin@kowalski-aero.demo", `/requests/${id}`);
  await expect(admin.getByRole("heading", { name: "Approval" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.locator(".page-head .status-badge")).toHaveText("Submitted");
  await expect(admin.getByRole("heading", { name: "Approval" })).toHaveCount(0);

  staff("log-time", "--request", String(id), "--minutes", "90", "--note", "First session");
  await admin.reload();
  const history = admin.getByRole("region", { name: "History" });
  await expect(history).toContainText("Time logged: 1 hour 30 minutes");
  await expect(history).toContainText("taken from SBP credit");
  await expect(history).toContainText("First session");

  // The debit is in the credit ledger, linked to the request.
  const ledger = await admin.request.get("/api/v1/credit/ledger");
  expect(ledger.ok()).toBeTruthy();
  const entries: { kind: string; request_id: number | null; amount: { minor: number } }[] = (await ledger.json())
    .items;
  const debit = entries.find((e) => e.request_id === id && e.kind === "debit");
  expect(debit, "a debit for the request").toBeTruthy();
  expect(debit?.amount.minor).toBeLessThan(0);
  await admin.context().close();
});

test("an on-site visit at Northbridge is estimated as a PAY invoice", async ({ page }) => {
  await signedIn(page, "buyer@northbridge.demo", "/requests/new?type=onsite_service");
  await expect(page.getByRole("heading", { name: "New request: On-site visit" })).toBeVisible();
  const estimate = page.getByRole("complementary", { name: "Cost" });
  await expect(estimate).toContainText("Invoiced as a paid service (PAY).");
  await page.getByLabel("Expected effort in hours (optional)").fill("4");
  await expect(estimate).toContainText(/Estimated cost: €[\d,.]+ \(4 hours\)/);
  await expect(estimate).toContainText(/Rate: €[\d,.]+ per hour/);
  await expect(estimate).not.toContainText("administrator");
  await expectAccessible(page);
});

test("a half-written request survives a reload and can be discarded", async ({ page }) => {
  const title = unique("Licence server does not start");
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("Since this morning, error -96.");
  await page.getByLabel("Priority").selectOption("high");
  await page.reload();

  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue the draft" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue(title);
  await expect(page.getByLabel("Describe the problem")).toHaveValue("Since this morning, error -96.");
  await expect(page.getByLabel("Priority")).toHaveValue("high");

  // Discarding starts afresh, and a later reload offers nothing.
  await page.reload();
  await page.getByRole("button", { name: "Discard it and start again" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Subject")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toHaveCount(0);
});

test("a double click on send creates one request, and the draft is gone after it", async ({ page }) => {
  const title = unique("Hotline double click");
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  expect(await countTitled(page, title)).toBe(0);
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("Drawings open slowly.");
  await expect(page.getByRole("complementary", { name: "Cost" })).toContainText("Included in your ALC");
  await page.getByRole("button", { name: "Send request" }).dblclick();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await countTitled(page, title)).toBe(1);
  await page.goto("/requests/new?type=hotline");
  await expect(page.getByLabel("Subject")).toHaveValue("");
  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toHaveCount(0);
});

test("a retry after the answer was lost creates one request", async ({ page }) => {
  const title = unique("Lost answer");
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("The answer never arrives.");
  // The server creates the request, but the browser never hears back.
  await page.route("**/api/v1/requests", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert")).toContainText("The server cannot be reached");
  await expect(page.getByLabel("Subject")).toHaveValue(title);
  await page.unroute("**/api/v1/requests");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  expect(await countTitled(page, title)).toBe(1);
});

test("a past date and zero participants are refused at their fields", async ({ page }) => {
  await signedIn(page, "admin@kowalski-aero.demo", "/requests/new?type=training");
  await page.getByLabel("Subject").fill(unique("Sheet metal basics"));
  await page.getByLabel("A training on my own topic").check();
  await page.getByLabel("Topic", { exact: true }).fill("Sheet metal in SOLIDWORKS");
  await page.getByLabel("Date 1").fill("2020-01-01");
  await page.getByLabel("Participants").fill("0");
  await page.getByLabel("Describe what you need").fill("For three designers.");
  await page.getByRole("button", { name: "Send request" }).click();

  const participants = page.getByLabel("Participants");
  await expect(participants).toHaveAttribute("aria-invalid", "true");
  await expect(participants).toHaveAccessibleDescription(/At least one participant is needed\./);
  const date = page.getByLabel("Date 1");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription("The date is in the past. Choose a later one.");
  await expect(participants).toBeFocused();
  // What was typed stays.
  await expect(page.getByLabel("Topic", { exact: true })).toHaveValue("Sheet metal in SOLIDWORKS");
  await expectAccessible(page);

  await participants.fill("3");
  await expect(participants).not.toHaveAttribute("aria-invalid", "true");
});

test("the SLA customer sees time left and time overdue, counting live", async ({ page }) => {
  await page.clock.install();
  await signedIn(page, "admin@strojirny-hradec.demo");
  const table = page.getByRole("table", { name: "Requests matching the filters" });
  await expect(table.getByRole("columnheader", { name: "Reaction (SLA)" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Requested by" })).toBeVisible();
  await expect(table.locator(".sla-overdue").filter({ hasText: /^Overdue by / }).first()).toBeVisible();
  const firstLeft = table.locator(".sla-left").filter({ hasText: / left$/ }).first();
  await expect(firstLeft).toBeVisible();
  // That countdown, whatever it turns into. Over a weekend the nearest target is days
  // away and shows days and hours: an hour and a minute changes its words at any scale.
  const href = await firstLeft.locator("xpath=ancestor::tr").getByRole("link").getAttribute("href");
  const left = table.getByRole("row").filter({ has: page.locator(`a[href="${href}"]`) }).locator(".sla");
  const before = await left.textContent();
  await page.clock.fastForward("01:01:00");
  await expect(left).not.toHaveText(before ?? "");
  await expectAccessible(page);

  await left.locator("xpath=ancestor::tr").getByRole("link").click();
  await expect(page.getByText(/^Reaction \(SLA\): /)).toBeVisible();
});

test("filters live in the address, survive a reload, and a member sees only their own", async ({ page }) => {
  await signedIn(page, "admin@kowalski-aero.demo");
  await expectAccessible(page);
  await page.getByLabel("Type").selectOption("training");
  await expect(page).toHaveURL(/type=training/);
  await page.getByLabel("Sort by").selectOption("priority");
  await expect(page).toHaveURL(/sort=priority/);
  await page.reload();
  await expect(page.getByLabel("Type")).toHaveValue("training");
  await expect(page.getByLabel("Sort by")).toHaveValue("priority");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator("td").nth(1)).toHaveText("Training");

  await page.getByRole("link", { name: "Closed" }).click();
  await expect(page).toHaveURL(/view=closed/);
  await page.getByLabel("Search in titles").fill("zzz-no-such-request");
  await expect(page).toHaveURL(/q=zzz-no-such-request/);
  await expect(page.getByText("No requests match the filters.")).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel("Search in titles")).toHaveValue("");

  const member = await page.context().browser()!.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const memberPage = await member.newPage();
  await signedIn(memberPage, "inzynier@kowalski-aero.demo");
  await expect(memberPage.getByRole("columnheader", { name: "Requested by" })).toHaveCount(0);
  const listed = await memberPage.request.get("/api/v1/requests?open=true");
  for (const r of (await listed.json()).items) expect(r.requested_by).toBe("Piotr Nowak");
  await member.close();
});

test("comments are kept once, a cancelled request says why it takes none", async ({ page }) => {
  const title = unique("Cancel me");
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("To be cancelled.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);

  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByLabel("Your comment")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Your comment").fill("Any news?");
  await page.getByRole("button", { name: "Send comment" }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Any news?")).toHaveCount(1);
  await expect(page.getByLabel("Your comment")).toHaveValue("");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Cancel request" }).click();
  await expect(page.locator(".page-head .status-badge")).toHaveText("Cancelled");
  await expect(page.getByText("This request was cancelled, so it takes no more comments.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an unknown request is explained, with a way back", async ({ page }) => {
  await signedIn(page, "admin@tatra-forming.demo", "/requests/999999");
  await expect(page.getByRole("alert")).toContainText("does not exist or is not available to you");
  await expect(page.getByRole("link", { name: "Back to requests" })).toBeVisible();
});

test("on a phone each open request is a card with its countdown in view", async ({ browser }) => {
  const context = await browser.newContext({
    baseURL: process.env.PORTAL_URL,
    locale: "en-GB",
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await signedIn(page, "admin@strojirny-hradec.demo");
  const table = page.getByRole("table", { name: "Requests matching the filters" });
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const countdowns = table.locator("tbody .sla");
  expect(await countdowns.count()).toBeGreaterThan(0);
  for (const countdown of await countdowns.all()) {
    await countdown.scrollIntoViewIfNeeded();
    await expect(countdown).toBeVisible();
    const box = await countdown.boundingBox();
    expect(box, "a countdown on the page").toBeTruthy();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  // Nothing reaches past the screen's edge: the page never scrolls sideways.
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await expectAccessible(page);
  await context.close();
});

test("the unfiltered list offers the next page when the API has one, and shows it below", async ({ page }) => {
  // The demo companies have fewer open requests than a page holds: the API's answer gets
  // a cursor, and the page after it is one request made from the first.
  let next: unknown = null;
  await page.route("**/api/v1/requests?*", async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has("cursor")) {
      return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ items: [next], next_cursor: null }) });
    }
    const answer = await route.fetch();
    const body = await answer.json();
    if (url.searchParams.get("limit") === "50" && body.items.length > 0) {
      next = { ...body.items[0], id: 999_001, title: "The request on the next page" };
      body.next_cursor = "the-next-page";
    }
    return route.fulfill({ response: answer, json: body });
  });
  await signedIn(page, "admin@kowalski-aero.demo", "/requests");
  const more = page.getByRole("button", { name: "Load more" });
  await expect(more).toBeVisible();
  await more.click();
  await expect(page.getByRole("link", { name: "The request on the next page" })).toBeVisible();
  await expect(more).toHaveCount(0);
});

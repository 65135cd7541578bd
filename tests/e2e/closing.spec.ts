// Closing the loop on a request (issue 14): confirm and rate a resolution, reopen another
// with a reason, a quote accepted by Northbridge's buyer that becomes the request's cost
// and a line of the PAY statement, and a member who sees a quote but does not decide it.
// Each test makes its own requests (through the API, as the form's own tests cover it) and
// moves them on with the support team's command line.
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import { serverBin } from "./support/global-setup";

const unique = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

function staff(...args: string[]): string {
  return execFileSync(serverBin, ["staff", ...args, "--db", process.env.PORTAL_DB ?? ""], { encoding: "utf8" });
}

async function signedIn(page: Page, email: string) {
  await page.goto("/requests");
  await signIn(page, email);
  // Signed in once the requests page shows (the session cookie is set by then).
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Makes a request of the signed-in user through the API; answers its id. */
async function make(page: Page, title: string, details: object): Promise<number> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const answer = await page.request.post("/api/v1/requests", {
    headers: { "X-CSRF-Token": session.csrf_token, "Idempotency-Key": title.replace(/\s/g, "-") },
    data: { title, description: "Made by the browser test.", priority: "normal", licence_id: null, contact_phone: null, details },
  });
  expect(answer.status()).toBe(201);
  return (await answer.json()).summary.id;
}

const status = (page: Page) => page.locator(".page-head .status-badge");

test("a resolved request is confirmed and rated, another is reopened with a reason", async ({ page }) => {
  await signedIn(page, "inzynier@kowalski-aero.demo");
  const done = await make(page, unique("Confirm me"), { type: "hotline" });
  const again = await make(page, unique("Reopen me"), { type: "hotline" });
  for (const id of [done, again]) {
    staff("log-time", "--request", String(id), "--minutes", "30");
    staff("resolve", "--request", String(id));
  }

  await page.goto(`/requests/${done}`);
  await expect(page.getByRole("heading", { name: "Is the problem solved?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm and close" }).click();
  await expect(status(page)).toHaveText("Closed");
  await expect(page.getByRole("heading", { name: "Is the problem solved?" })).toHaveCount(0);

  // Rating: sending without a choice is refused at the group; then 4 with a comment.
  const rating = page.getByRole("region", { name: "Your rating of the support" });
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByText("This field is required.")).toBeVisible();
  await expect(rating.getByRole("group", { name: "How satisfied are you?" })).toHaveAttribute("aria-invalid", "true");
  await rating.getByRole("radio", { name: "4 – satisfied" }).check();
  await rating.getByLabel("Comment (optional)").fill("Fixed within the hour.");
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByTestId("rating-given")).toContainText("You rated the support 4 of 5.");
  await expect(rating.getByTestId("rating-given")).toContainText("You can change your rating until");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Rated 4 of 5");
  await expect(history).toContainText("Fixed within the hour.");
  await expectAccessible(page);
  // Changeable within the window: 5 now.
  await rating.getByRole("radio", { name: "5 – very satisfied" }).check();
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(rating.getByTestId("rating-given")).toContainText("You rated the support 5 of 5.");

  await page.goto(`/requests/${again}`);
  await page.getByRole("button", { name: "Reopen" }).click();
  const reason = page.getByLabel("What is still wrong?");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await reason.fill("The warning came back after a restart.");
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(status(page)).toHaveText("In progress");
  await expect(page.getByRole("region", { name: "History" })).toContainText("The warning came back after a restart.");
  await expectAccessible(page);
});

test("buyer@northbridge.demo accepts a quote: its amount is the cost and a line of the PAY statement", async ({
  page,
}) => {
  await signedIn(page, "buyer@northbridge.demo");
  const title = unique("PDM vault migration");
  const id = await make(page, title, { type: "deployment", expected_minutes: null });
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  staff("quote", "--request", String(id), "--amount", "390000", "--valid-until", until, "--text", "Vault migration, two days on site");

  await page.goto(`/requests/${id}`);
  await expect(status(page)).toHaveText("Quote waiting for your decision");
  const quote = page.getByRole("region", { name: "Quote" });
  await expect(quote).toContainText("€3,900.00");
  await expect(quote).toContainText("Vault migration, two days on site");
  await expect(quote).toContainText("waiting for a decision");
  await expectAccessible(page);
  await quote.getByRole("button", { name: "Accept the quote" }).click();
  await expect(status(page)).toHaveText("Submitted");
  await expect(quote).toContainText("accepted");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Quote accepted: €3,900.00");
  const cost = await (await page.request.get(`/api/v1/requests/${id}`)).json();
  expect(cost.summary.cost).toEqual({ minor: 390000, currency: "EUR" });
  expect(cost.summary.cost_is_estimate).toBe(false);

  // The work is done and logged: a line of this month's PAY statement at the quote.
  staff("log-time", "--request", String(id), "--minutes", "960");
  await page.getByRole("navigation").getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/billing$/);
  const statement = page.getByTestId("pay-statement");
  const line = statement.getByRole("row").filter({ hasText: title });
  await expect(line).toContainText("quote €3,900.00");
  await expect(line).toContainText("16 h");
  await expect(page.getByRole("button", { name: "Download CSV" })).toBeVisible();
  await expectAccessible(page);
});

test("a member sees a quote but only admins decide it", async ({ page }) => {
  await signedIn(page, "inzynier@kowalski-aero.demo");
  const id = await make(page, unique("Quoted for a member"), { type: "hotline" });
  const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  staff("quote", "--request", String(id), "--amount", "120000", "--valid-until", until, "--text", "A day of analysis");
  await page.goto(`/requests/${id}`);
  const quote = page.getByRole("region", { name: "Quote" });
  await expect(quote).toContainText("A day of analysis");
  await expect(quote).toContainText("An administrator of your company accepts or declines quotes.");
  await expect(quote.getByRole("button")).toHaveCount(0);
  staff("escalate", "--request", String(id), "--reference", "SR0099887");
  await page.reload();
  await expect(page.getByTestId("escalation")).toContainText("Escalated to Dassault Systèmes: SR0099887");
  await expectAccessible(page);
});

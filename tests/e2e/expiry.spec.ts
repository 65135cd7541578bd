import { test, expect, signIn, expireAllSessions } from "./support/fixtures";

test("an expired session leads to sign-in and back to the same page", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/");
  await signIn(page, "buyer@northbridge.demo");
  await expect(page.getByRole("banner")).toContainText("Northbridge");
  await page.goto("/no-such-page?after=expiry");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expireAllSessions();
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, "buyer@northbridge.demo");
  await expect(page).toHaveURL(/\/no-such-page\?after=expiry$/);
  await context.close();
});

import { test, expect, signIn, expireAllSessions, expectAccessible } from "./support/fixtures";

test("a deep link survives a reload", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("banner")).toContainText("Kowalski Aero");
  await page.goto("/no-such-page?x=1");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/no-such-page\?x=1$/);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Kowalski Aero");
  await expectAccessible(page);
});

test("a signed-out deep link leads to sign-in and back", async ({ page }) => {
  await page.goto("/no-such-page?x=2");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page).toHaveURL(/\/no-such-page\?x=2$/);
});

test("an expired session leads to sign-in and back to the same page", async ({ browser }) => {
  // A context of its own: expiring sessions must not disturb other tests' sessions much,
  // and this test signs in again anyway.
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

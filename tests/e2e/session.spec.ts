import { test, expect, signIn, expectAccessible } from "./support/fixtures";

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

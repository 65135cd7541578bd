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

test("the navigation is one row on a desktop and shows the current page, not only to screen readers", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/requests");
  await signIn(page, "admin@kowalski-aero.demo");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  const current = nav.getByRole("link", { name: "Requests" });
  await expect(current).toHaveAttribute("aria-current", "page");
  const tops = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
  const look = (name: string) =>
    nav.getByRole("link", { name }).evaluate((a) => {
      const style = getComputedStyle(a);
      return `${style.fontWeight} ${style.borderBottomColor}`;
    });
  expect(await look("Requests")).not.toBe(await look("Home"));
});

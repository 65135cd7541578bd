import { test, expect, signIn } from "./support/fixtures";

test.describe("in a Polish browser", () => {
  test.use({ locale: "pl-PL" });
  test("the portal speaks Polish", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("button", { name: "Zaloguj się" })).toBeVisible();
  });
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });
  test("the portal falls back to Polish", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  });
});

test.describe("in a Czech browser", () => {
  test.use({ locale: "cs-CZ" });
  test("the portal speaks Czech", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "cs");
  });
});

test("the chosen language survives a reload and a new sign-in", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@strojirny-hradec.demo");
  await expect(page.getByRole("banner")).toContainText("Strojírny Hradec");
  await page.getByLabel("Language").selectOption("sk");
  await expect(page.locator("html")).toHaveAttribute("lang", "sk");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "sk");
  await expect(page.getByLabel("Jazyk")).toHaveValue("sk");
  await page.getByLabel("Jazyk").selectOption("en");
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

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

test("another language re-renders each part once, in place", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("region", { name: "Your company's support levels" })).toHaveCount(1);
  await page.getByLabel("Language").selectOption("pl");
  await expect(page.getByRole("heading", { level: 2, name: "Poziomy wsparcia Twojej firmy" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Your company's support levels" })).toHaveCount(0);
  // The overview's words change; what it loaded is not asked for again.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/")) asked.push(new URL(request.url()).pathname);
  });
  await page.getByLabel("Język").selectOption("en");
  await expect(page.getByRole("region", { name: "Your company's support levels" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Needs attention" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Open requests" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "SBP balance" })).toHaveCount(1);
  expect(asked).toEqual([]);

  // The credit page is one block of markup with its own loads inside.
  await page.getByRole("navigation").getByRole("link", { name: "SBP credit" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ledger" })).toHaveCount(1);
  await page.getByLabel("Language").selectOption("pl");
  await expect(page.getByRole("heading", { level: 2, name: "Rejestr operacji" })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: "Bloki przedpłacone" })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: "Ledger" })).toHaveCount(0);
});

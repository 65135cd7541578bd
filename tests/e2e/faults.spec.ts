// Faults a customer meets in real life: the API goes away while the portal is open,
// answers 500, or answers something that is not what the contract says.
import { test, expect, signIn, expectAccessible } from "./support/fixtures";

test("the API stopping shows a banner, and the portal recovers by itself", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("banner")).toContainText("Tatra Forming");

  // The API goes away: every call fails as a refused connection would.
  await page.route("**/api/v1/**", (route) => route.abort("connectionrefused"));
  await page.goto("/plan");
  const banner = page.locator(".connection-banner");
  await expect(banner).toContainText("The connection to the server was lost");
  await expect(page.getByRole("alert").first()).toContainText("cannot be reached");
  await expectAccessible(page);

  // It comes back: within a few seconds the banner goes and the page loads.
  await page.unroute("**/api/v1/**");
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole("table").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a 500 or a malformed answer shows an error with a retry that works", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("banner")).toContainText("Kowalski");
  let broken = true;
  await page.route("**/api/v1/plan", (route) =>
    broken
      ? route.fulfill({ status: 200, contentType: "application/json", body: '{"levels": "not a list"}' })
      : route.continue(),
  );
  await page.goto("/plan");
  const alert = page.getByRole("alert").first();
  await expect(alert).toContainText("unexpected");
  broken = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("table").first()).toBeVisible();
});

test("a retry as the API comes back loads the part once", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("banner")).toContainText("Tatra Forming");
  // The API goes away; the plan page (opened within the portal, so the session and the
  // plan are already there) cannot load its price list.
  await page.route("**/api/v1/**", (route) => route.abort("connectionrefused"));
  await page.getByRole("link", { name: "What your plan covers, the rates and the contacts" }).click();
  const alert = page.getByRole("alert").first();
  await expect(alert).toContainText("cannot be reached");

  // Back, and the customer clicks before the portal's own knock notices: the answer to
  // the click also tells the portal the API is back, which must not load the part again.
  let catalogLoads = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/v1/catalog") catalogLoads++;
  });
  await page.unroute("**/api/v1/**");
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Longer than the knock interval, so a late second load would have been sent.
  await page.waitForTimeout(4_000);
  expect(catalogLoads).toBe(1);
});

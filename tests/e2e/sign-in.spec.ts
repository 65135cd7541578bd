import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import { users } from "./support/demo";

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await signIn(page, "admin@kowalski-aero.demo", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("E-mail")).toHaveValue("admin@kowalski-aero.demo");
});

test("an e-mail that is not one is refused at the field", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, "not-an-address", "x");
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
});

for (const user of users) {
  test(`${user.email} signs in and sees ${user.company}`, async ({ page }) => {
    await page.goto("/");
    await signIn(page, user.email);
    const header = page.getByRole("banner");
    await expect(header).toContainText(user.company);
    await expect(header).toContainText(user.name);
    await expect(header).toContainText(user.role);
    await expect(page).not.toHaveURL(/sign-in/);
    await expectAccessible(page);
  });
}

test("signing out ends the session", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("banner")).toContainText("Tatra Forming");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to the support portal" })).toBeVisible();
});

test("the API being down is explained at sign-in", async ({ page }) => {
  await page.route("**/api/v1/session", (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );
  await page.goto("/sign-in");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("alert")).toHaveText(
    "The server cannot be reached. Check your connection and try again.",
  );
});

test("the sign-in page logs no error: asking who is signed in is no failure", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

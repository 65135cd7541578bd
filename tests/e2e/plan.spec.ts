import type { Page } from "@playwright/test";
import { test, expect, signIn, expectAccessible, watchLayoutShifts, layoutShift } from "./support/fixtures";
import { plans } from "./support/demo";

const LEVELS = ["ALC", "PAY", "SBP", "SLA"];
const STATUS = { covered: "Covered", expiring_soon: "Expiring soon", lapsed: "Lapsed, not covered" };

/** An amount as the browser's own Intl prints it (the portal formats with the same). */
function money(page: Page, amount: number, currency: string, locale: string): Promise<string> {
  return page.evaluate(
    ([a, c, l]) => new Intl.NumberFormat(l as string, { style: "currency", currency: c as string }).format(a as number),
    [amount, currency, locale] as const,
  );
}

/** The card of one level in the comparison. */
function levelCard(page: Page, code: string) {
  return page
    .getByRole("region", { name: "The four support levels" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${code}\\b`) }) });
}

for (const customer of plans) {
  test(`${customer.company} sees its licences, what each service costs, and its levels`, async ({ page }) => {
    await page.goto("/plan");
    await signIn(page, customer.email);
    await expect(page.getByRole("heading", { level: 1, name: "Plan and coverage" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Plan and coverage" }))
      .toHaveAttribute("aria-current", "page");

    // The installed base, each status in words.
    const licences = page.getByRole("table", { name: /Installed base and maintenance/ });
    if (customer.licences.length === 0) {
      await expect(licences).toHaveCount(0);
      await expect(page.getByText(/has no ALC coverage/)).toBeVisible();
    } else {
      await expect(licences.getByRole("row")).toHaveCount(customer.licences.length + 1);
      for (const licence of customer.licences) {
        await expect(licences.getByRole("row").filter({ hasText: licence.product })).toContainText(STATUS[licence.status]);
      }
    }

    // "Is it covered?": how the customer gets a service, at its rate in its currency.
    const coverage = page.getByRole("table", { name: "Services, how you get them, and rates" });
    const row = coverage.getByRole("row").filter({ hasText: customer.rate.service });
    await expect(row).toContainText(customer.rate.how);
    const rate = await money(page, customer.rate.amount, customer.currency, "en-GB");
    await expect(row).toContainText(`${rate} per hour`);
    await expect(coverage.getByRole("row").filter({ hasText: "Hotline" })).toContainText(customer.hotline);
    const marker = customer.currency === "EUR" ? "€" : customer.currency;
    await expect(coverage).toContainText(marker);

    // The four levels side by side, the customer's own marked.
    for (const code of LEVELS) {
      const card = levelCard(page, code);
      await expect(card).toHaveCount(1);
      if ((customer.levels as readonly string[]).includes(code)) {
        await expect(card).toContainText("Your level");
      } else {
        await expect(card).not.toContainText("Your level");
      }
    }

    // Contacts: the hotline's phone and e-mail are links.
    const contacts = page.getByRole("region", { name: "Contacts" });
    await expect(contacts.locator('a[href^="tel:+"]').first()).toBeVisible();
    await expect(contacts.locator('a[href^="mailto:"]').first()).toBeVisible();
    await expectAccessible(page);
  });
}

test("the SLA customer sees reaction targets in hours and the business hours", async ({ page }) => {
  await page.goto("/plan");
  await signIn(page, "admin@strojirny-hradec.demo");
  const sla = page.getByRole("region", { name: "Your SLA contract" });
  const targets = sla.getByRole("table", { name: "Reaction targets by priority" });
  await expect(targets.getByRole("row", { name: /Critical/ })).toContainText("2 hours");
  await expect(targets.getByRole("row", { name: /Low/ })).toContainText("16 hours");
  await expect(sla).toContainText("Monday–Friday, 08:00–16:30");
});

test("a customer without SLA sees no SLA section, and training courses with seats and prices", async ({ page }) => {
  await page.goto("/plan");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("heading", { name: "Is it covered?" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your SLA contract" })).toHaveCount(0);
  const courses = page.getByRole("region", { name: "Training courses" });
  const course = courses.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "SOLIDWORKS Essentials" }) });
  await expect(course).toContainText(`${await money(page, 1050, "EUR", "en-GB")} per participant`);
  await expect(course).toContainText("Fully booked");
  // Seats change as the demo's requests book them.
  await expect(course).toContainText(/Seats left: \d+/);
});

test("the non-customer sees that ALC comes with licences, and what PAY offers", async ({ page }) => {
  await page.goto("/plan");
  await signIn(page, "buyer@northbridge.demo");
  const alc = levelCard(page, "ALC");
  await expect(alc).toContainText("Not available to your company");
  await expect(alc).toContainText("comes with buying licences");
  const pay = levelCard(page, "PAY");
  await expect(pay).toContainText("Your level");
  for (const service of ["Training", "On-site intervention", "Methodology development"]) {
    await expect(pay.getByRole("listitem").filter({ hasText: service })).toHaveCount(1);
  }
});

test("the installed base sorts by any column, with the order announced", async ({ page }) => {
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  const table = page.getByRole("table", { name: /Installed base/ });
  const products = () => table.locator("tbody th").allTextContents();
  // By default the soonest maintenance end comes first.
  await expect(table.getByRole("columnheader", { name: "Maintenance until" })).toHaveAttribute("aria-sort", "ascending");
  expect(await products()).toEqual(["DELMIA Process Planning", "SOLIDWORKS Premium", "CATIA V5 MD2 (Mechanical Design)"]);

  const product = table.getByRole("button", { name: "Product" });
  await product.focus();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: "Product" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: "Maintenance until" })).not.toHaveAttribute("aria-sort", /.*/);
  expect(await products()).toEqual(["CATIA V5 MD2 (Mechanical Design)", "DELMIA Process Planning", "SOLIDWORKS Premium"]);
  // The focus stays on the button, so pressing again turns the order round.
  await expect(product).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(table.getByRole("columnheader", { name: "Product" })).toHaveAttribute("aria-sort", "descending");
  expect(await products()).toEqual(["SOLIDWORKS Premium", "DELMIA Process Planning", "CATIA V5 MD2 (Mechanical Design)"]);

  await table.getByRole("button", { name: "Quantity" }).click();
  expect(await products()).toEqual(["DELMIA Process Planning", "SOLIDWORKS Premium", "CATIA V5 MD2 (Mechanical Design)"]);
});

test("another language re-renders the plan and keeps the chosen order", async ({ page }) => {
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  const table = page.getByRole("table", { name: /Installed base/ });
  await table.getByRole("button", { name: "Product" }).click();
  await page.getByLabel("Language").selectOption("sk");
  await expect(page.getByRole("heading", { level: 1, name: "Plán a krytie" })).toBeVisible();
  const slovak = page.getByRole("table", { name: /Inštalovaná základňa/ });
  await expect(slovak.getByRole("columnheader", { name: "Produkt" })).toHaveAttribute("aria-sort", "ascending");
  await expect(slovak.getByRole("row").filter({ hasText: "SOLIDWORKS Premium" })).toContainText("Čoskoro vyprší");
  await expect(page.getByRole("table", { name: "Služby, spôsob úhrady a sadzby" })).toContainText("za hodinu");
  await expectAccessible(page);
});

test("on a phone the tables become stacked rows, each value named", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  const table = page.getByRole("table", { name: /Installed base/ });
  await expect(table).toBeVisible();
  const row = table.locator("tbody tr").first();
  expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe("block");
  const cell = row.locator("td").first();
  expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toContain("Licence type");
  // The sort buttons stay, visible and reachable, above the stacked rows.
  await expect(table.getByRole("button", { name: "Quantity" })).toBeVisible();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});

test("a failing plan shows an error with a retry on that part, and the rest still works", async ({ page }) => {
  let fail = true;
  await page.route("**/api/v1/plan", (route) =>
    fail
      ? route.fulfill({
          status: 500,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "/problems/internal", title: "Internal error", status: 500, detail: "boom" }),
        })
      : route.continue(),
  );
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText("Something went wrong");
  // The catalog's part loaded on its own.
  await expect(page.getByRole("table", { name: "Services, how you get them, and rates" })).toBeVisible();
  await expect(levelCard(page, "SBP")).toContainText("Your level");
  await expectAccessible(page);

  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("table", { name: /Installed base/ })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a malformed catalog shows an error on its part only", async ({ page }) => {
  await page.route("**/api/v1/catalog", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"currency":"PLN","levels":7}' }),
  );
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("alert")).toContainText("Something unexpected went wrong");
  await expect(page.getByRole("alert").getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Installed base/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Contacts" })).toBeVisible();
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("statuses, levels and rates read in Polish, in złoty", async ({ page }) => {
    await page.goto("/plan");
    await page.getByLabel("E-mail").fill("admin@kowalski-aero.demo");
    await page.getByLabel("Hasło").fill("portal-demo");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Plan i zakres wsparcia" })).toBeVisible();
    const licences = page.getByRole("table", { name: /Zainstalowane licencje/ });
    await expect(licences.getByRole("row").filter({ hasText: "SOLIDWORKS Premium" })).toContainText("Wkrótce wygasa");
    await expect(licences.getByRole("row").filter({ hasText: "DELMIA Process Planning" })).toContainText("Wygasła, bez wsparcia");
    const coverage = page.getByRole("table", { name: "Usługi, sposób rozliczenia i stawki" });
    const remote = coverage.getByRole("row").filter({ hasText: "Serwis zdalny" });
    await expect(remote).toContainText(`${await money(page, 204, "PLN", "pl-PL")} za godzinę`);
    await expect(remote).toContainText("zł");
    await expect(remote).toContainText("Z kredytu SBP według stawki SBP");
    const sbp = page
      .getByRole("region", { name: "Cztery poziomy wsparcia" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: /^SBP/ }) });
    await expect(sbp).toContainText("Twój poziom");
    await expectAccessible(page);
  });
});

test.describe("in Czech", () => {
  test.use({ locale: "cs-CZ" });

  test("the Czech customer's rates are in koruna", async ({ page }) => {
    await page.goto("/plan");
    await page.getByLabel("E-mail").fill("admin@strojirny-hradec.demo");
    await page.getByLabel("Heslo").fill("portal-demo");
    await page.getByRole("button", { name: "Přihlásit se" }).click();
    const coverage = page.getByRole("table", { name: "Služby, způsob úhrady a sazby" });
    const remote = coverage.getByRole("row").filter({ hasText: "Vzdálený servis" });
    await expect(remote).toContainText(`${await money(page, 1190, "CZK", "cs-CZ")} za hodinu`);
    await expect(remote).toContainText("Kč");
    await expect(page.getByRole("table", { name: "Reakční doby podle priority" })).toContainText("2 hodiny");
  });
});

test("on a phone nothing moves while the plan and the catalog load, whichever comes first", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Plan and coverage" })).toBeVisible();
  // The catalog answers first, the plan (and with it the navigation's credit entry) later.
  await page.route("**/api/v1/plan", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await watchLayoutShifts(page);
  await page.reload();
  await expect(page.getByRole("table", { name: /Installed base/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Training courses" })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
});

import { test, expect, signIn, expectAccessible, watchLayoutShifts, layoutShift } from "./support/fixtures";
import { plans, users } from "./support/demo";

for (const customer of plans) {
  test(`${customer.company} sees its levels, what needs attention and what it can do`, async ({ page }) => {
    await page.goto("/");
    await signIn(page, customer.email);
    const name = users.find((u) => u.email === customer.email)?.name ?? "";
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${name}` })).toBeVisible();

    const levels = page.getByRole("region", { name: "Your company's support levels" });
    const badges = levels.getByRole("listitem");
    await expect(badges).toHaveCount(customer.levels.length);
    for (const code of customer.levels) {
      // Each badge names the level and its period (a date with a four-digit year).
      await expect(badges.filter({ hasText: code })).toContainText(/\d{4}/);
    }

    const attention = page.getByRole("region", { name: "Needs attention" });
    const warned = customer.licences.filter((l) => l.status !== "covered");
    if (warned.length === 0) {
      await expect(attention).toHaveCount(0);
    } else {
      for (const licence of warned) {
        const item = attention.getByRole("listitem").filter({ hasText: licence.product });
        if (licence.status === "lapsed") {
          await expect(item).toContainText("is no longer covered: its maintenance ended on");
        } else {
          await expect(item).toContainText(/ends on .*\(in \d+ days\)/);
        }
      }
      // Covered licences are not warned about.
      for (const licence of customer.licences.filter((l) => l.status === "covered")) {
        await expect(attention).not.toContainText(licence.product);
      }
    }

    const actions = page.getByRole("region", { name: "What you can do" });
    const hotline = actions.getByRole("listitem").filter({ hasText: "Report a problem to the hotline" });
    await expect(hotline).toContainText(customer.hotline);
    await expect(hotline.locator('a[href^="tel:+"]')).toHaveCount(1);
    await expect(hotline.locator('a[href^="mailto:"]')).toHaveCount(1);
    await expect(actions.getByRole("heading", { name: "Request a training" })).toBeVisible();
    await expect(actions.getByRole("heading", { name: "Request an on-site visit" })).toBeVisible();
    const credit = actions.getByRole("heading", { name: "Check your SBP credit" });
    await expect(credit).toHaveCount((customer.levels as readonly string[]).includes("SBP") ? 1 : 0);
    // Each request action opens the form with its type; the credit page for SBP customers.
    for (const type of ["hotline", "training", "onsite_service"]) {
      await expect(actions.locator(`a[href="/requests/new?type=${type}"]`)).toHaveCount(1);
    }
    const sbp = (customer.levels as readonly string[]).includes("SBP");
    await expect(page.locator('main a[href="/credit"]')).toHaveCount(sbp ? 1 : 0);

    if (!(customer.levels as readonly string[]).includes("ALC")) {
      await expect(levels).toContainText("so ALC does not apply");
    }
    await expectAccessible(page);

    await actions.getByRole("link", { name: "What your plan covers, the rates and the contacts" }).click();
    await expect(page).toHaveURL(/\/plan$/);
    await expect(page.getByRole("heading", { level: 1, name: "Plan and coverage" })).toBeVisible();
  });
}

test("a failing plan on the overview shows an error with a retry, and the greeting stays", async ({ page }) => {
  let fail = true;
  await page.route("**/api/v1/plan", (route) =>
    fail ? route.abort("connectionrefused") : route.continue(),
  );
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Martin Kováč" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("The server cannot be reached");
  fail = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("region", { name: "Your company's support levels" })).toContainText("ALC");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("the overview warns in Polish", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("E-mail").fill("admin@kowalski-aero.demo");
    await page.getByLabel("Hasło").fill("portal-demo");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Witaj, Anna Kowalska" })).toBeVisible();
    const attention = page.getByRole("region", { name: "Wymaga uwagi" });
    await expect(attention.getByRole("listitem").filter({ hasText: "SOLIDWORKS Premium" })).toContainText(/kończy się .* \(za \d+ dni\)/);
    await expect(attention.getByRole("listitem").filter({ hasText: "DELMIA Process Planning" })).toContainText("nie jest już objęta wsparciem");
    await expect(page.getByRole("region", { name: "Co możesz zrobić" })).toContainText("W ramach ALC");
    await expectAccessible(page);
  });
});

test("report a problem on the overview opens the hotline form", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  await page.getByRole("link", { name: "Report a problem" }).click();
  await expect(page).toHaveURL(/\/requests\/new\?type=hotline$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the plan is asked for once per sign-in, however many parts and pages show it", async ({ page }) => {
  let asked = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/v1/plan") asked += 1;
  });
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  // The navigation (credit page offered) and the overview both read it.
  await expect(page.getByRole("navigation").getByRole("link", { name: "SBP credit" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your company's support levels" })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Plan and coverage" }).click();
  await expect(page.getByRole("table", { name: /Installed base/ })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Requests" }).click();
  await page.getByRole("link", { name: "New request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What do you need?" })).toBeVisible();
  expect(asked).toBe(1);
});

test("the overview lists the open requests, the nearest SLA reaction first", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@strojirny-hradec.demo");
  const open = page.getByRole("region", { name: "Open requests" });
  const items = open.getByRole("listitem");
  // The seed's five open requests of the company (no other test adds to them): the
  // overdue reaction leads, the nearest one still to come follows.
  await expect(items.first()).toContainText("ENOVIA change action stuck in review");
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText("Overdue by");
  await expect(items.nth(1)).toContainText("Cannot save to the collaborative space");
  await expect(items.nth(1)).toContainText("left");
  await expect(open).not.toContainText("Licence server failover test"); // closed
  await expectAccessible(page);

  await items.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/requests\/31$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ENOVIA change action stuck in review");
  await page.goBack();
  await page.getByRole("region", { name: "Open requests" }).getByRole("link", { name: "All requests" }).click();
  await expect(page).toHaveURL(/\/requests$/);
});

test("a member's overview lists only their own open requests, newest first", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "inzynier@kowalski-aero.demo");
  const items = page.getByRole("region", { name: "Open requests" }).getByRole("listitem");
  // Piotr's four open requests of the seed (the requests tests may have added one of
  // theirs since, which would come first).
  const bom = items.filter({ hasText: "BOM export macro for the ERP system" });
  await expect(bom).toContainText("Awaiting approval");
  await expect(items.filter({ hasText: "DELMIA process plan import fails" })).toHaveCount(1);
  expect(await items.count()).toBeLessThanOrEqual(5);
  // The administrator's requests are not the member's business.
  await expect(page.getByRole("region", { name: "Open requests" })).not.toContainText("SOLIDWORKS crashes");
  // Kowalski Aero has no SLA: no countdowns.
  await expect(page.locator(".open-requests .sla")).toHaveCount(0);
});

test("with nothing open, the overview says so", async ({ page }) => {
  await page.route("**/api/v1/requests?*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"items":[],"next_cursor":null}' }),
  );
  await page.goto("/");
  await signIn(page, "admin@tatra-forming.demo");
  const open = page.getByRole("region", { name: "Open requests" });
  await expect(open).toContainText("No open requests at the moment.");
  await expect(open.getByRole("link", { name: "All requests" })).toBeVisible();
});

test("an admin sees how many requests wait for their approval, and finds them", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  const open = page.getByRole("region", { name: "Open requests" });
  // The seed's member request paid from credit (the requests tests may add one more).
  const waiting = open.getByRole("link", { name: /^Awaiting your approval: \d+$/ });
  await expect(waiting).toBeVisible();
  await waiting.click();
  await expect(page).toHaveURL(/\/requests\?status=awaiting_approval$/);
  await expect(page.getByLabel("Status")).toHaveValue("awaiting_approval");
  await expect(page.getByRole("link", { name: "BOM export macro for the ERP system" })).toBeVisible();
});

test("nothing waiting, or a member: no approval line", async ({ page, browser }) => {
  await page.goto("/");
  await signIn(page, "admin@strojirny-hradec.demo");
  const open = page.getByRole("region", { name: "Open requests" });
  await expect(open.getByRole("listitem").first()).toBeVisible();
  await expect(open).not.toContainText("Awaiting your approval");

  const member = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const memberPage = await member.newPage();
  await memberPage.goto("/");
  await signIn(memberPage, "inzynier@kowalski-aero.demo");
  const own = memberPage.getByRole("region", { name: "Open requests" });
  await expect(own.getByRole("listitem").first()).toBeVisible();
  await expect(own).not.toContainText("Awaiting your approval");
  await member.close();
});

test("on a phone nothing moves when the SBP balance arrives after the plan", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await signIn(page, "admin@strojirny-hradec.demo");
  await expect(page.getByRole("region", { name: "SBP balance" })).toBeVisible();
  await page.route("**/api/v1/credit", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await watchLayoutShifts(page);
  await page.reload();
  await expect(page.getByRole("region", { name: "SBP balance" })).toBeVisible();
  await expect(page.getByRole("region", { name: "What you can do" })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
});

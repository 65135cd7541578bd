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

test("on a phone the header is one line and every page of the navigation is reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/plan");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("heading", { level: 1, name: "Plan and coverage" })).toBeVisible();
  const header = page.getByRole("banner");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "SBP credit" })).toHaveCount(1);

  // The company, the language and signing out share one line; the content starts high.
  await expect(header).toContainText("Kowalski Aero");
  const tops = await Promise.all(
    [header.getByText("Kowalski Aero"), page.getByLabel("Language"), header.getByRole("button", { name: "Sign out" })].map(
      async (element) => {
        await expect(element).toBeVisible();
        const box = await element.boundingBox();
        return box ? box.y : -1;
      },
    ),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(24);
  const navBox = await nav.boundingBox();
  expect(navBox && navBox.y + navBox.height).toBeLessThanOrEqual(120);
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  expect(heading && heading.y).toBeLessThanOrEqual(160);

  // Every link is reachable: scrolled into the row's view, it is whole on the screen, and
  // the keyboard reaches it too.
  const links = nav.getByRole("link");
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    expect(box && box.x).toBeGreaterThanOrEqual(0);
    expect(box && box.x + box.width).toBeLessThanOrEqual(391);
    await link.focus();
    await expect(link).toBeFocused();
  }
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  await nav.getByRole("link", { name: "SBP credit" }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(nav.getByRole("link", { name: "SBP credit" })).toHaveAttribute("aria-current", "page");
});

test("on a phone the navigation row shows the current page's entry, wherever it is in the row", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/account");
  // Kowalski's admin has every entry: the row is wider than the screen.
  await signIn(page, "admin@kowalski-aero.demo");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "People" })).toHaveCount(1);
  const row = nav.getByRole("list");
  const inRow = async (name: string) => {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("aria-current", "page");
    const [box, rowBox] = [await link.boundingBox(), await row.boundingBox()];
    return !!box && !!rowBox && box.x >= rowBox.x - 1 && box.x + box.width <= rowBox.x + rowBox.width + 1;
  };
  expect(await row.evaluate((ul) => ul.scrollWidth > ul.clientWidth)).toBe(true);
  // The last entry: without the scroll it is past the right edge at 390 px.
  await expect.poll(() => inRow("My account")).toBe(true);
});

test("who is signed in is asked once, while the wasm downloads (index.html preloads it)", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("banner")).toContainText("Kowalski Aero");
  // Requests that reach the network pass through the route; an answer the app took
  // from the preload does not, so a preload the app's fetch cannot reuse counts two.
  let asked = 0;
  await page.route("**/api/v1/session", (route) => {
    asked += 1;
    return route.continue();
  });
  // Without the preload the app asks only once the wasm has arrived and started.
  const order: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/v1/session") order.push("session asked");
  });
  page.on("requestfinished", (r) => {
    if (r.url().endsWith(".wasm")) order.push("wasm arrived");
  });
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Kowalski Aero");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(asked).toBe(1);
  expect(order[0]).toBe("session asked");
});

test("while the wasm downloads the page shows the portal's frame, which gives way to the app", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/sign-in");
  const frame = page.locator("body > .boot");
  await expect(frame).toBeVisible();
  expect((await frame.boundingBox())?.height ?? 0).toBeGreaterThan(50);
  // Its progress line moves while nothing else can.
  const line = page.locator(".boot-progress");
  const at = async () => (await line.evaluate((el) => getComputedStyle(el, "::before").transform));
  const first = await at();
  await expect.poll(at).not.toBe(first);
  release();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(frame).toBeHidden();
});

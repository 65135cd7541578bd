// Shared helpers of the browser tests: the portal's address, signing in, and axe-core.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { serverBin } from "./global-setup";

export const PASSWORD = "portal-demo";

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.PORTAL_URL);
  },
  // Every test fails on a Content-Security-Policy violation, a wasm panic or an uncaught
  // error in the page: each would be a broken portal for a real user.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (/Content Security Policy|panicked at|RuntimeError: unreachable/.test(text)) problems.push(text);
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, "console errors that must not happen").toEqual([]);
  },
});
export { expect };

/** Signs in through the form (English labels: the suite's browser locale is en-GB). */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Ends every session on the server, as their expiry would. */
export function expireAllSessions() {
  execFileSync(serverBin, ["expire-sessions", "--db", process.env.PORTAL_DB ?? ""], { stdio: "ignore" });
}

/** From the next navigation on, records every layout shift of the page. */
export async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout shift recorded since `watchLayoutShifts`, once the page has settled. */
export async function layoutShift(page: Page): Promise<number> {
  await page.waitForTimeout(300);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  return shifts.reduce((sum, value) => sum + value, 0);
}

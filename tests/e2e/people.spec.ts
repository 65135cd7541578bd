// People and accounts (issue 13): an admin invites a colleague who sets a password
// through the mailed link and signs in as a member; deactivation ends their session at
// once; a forgotten password is reset through a mailed link; the account page lists the
// sessions. The links are read from the mails in the suite's MailDev, as people read them.
import { createHmac } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, signIn, expectAccessible, watchLayoutShifts, layoutShift } from "./support/fixtures";
import { mails, to } from "./support/mail";

const NEW_PASSWORD = "a long fresh passphrase";

/** The link of the newest mail to `address` that leads to `path`, read from MailDev as the
 * person would read it (the portal's public address is the suite's). */
async function mailedLink(address: string, path: "/invitation" | "/reset-password"): Promise<string> {
  const link = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]{43}`);
  let found: string | undefined;
  await expect
    .poll(async () => {
      const mine = (await mails()).filter((m) => to(m) === address && link.test(m.text));
      found = mine.length ? link.exec(mine[mine.length - 1].text)?.[0] : undefined;
      return !!found;
    }, { timeout: 20_000 })
    .toBe(true);
  return found ?? "";
}

/** The code an authenticator app shows for a base32 `secret`, `offset` seconds from now (RFC 6238). */
function totp(secret: string, offset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const key: number[] = [];
  for (const c of secret.replace(/=+$/, "")) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      key.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor((Date.now() / 1000 + offset) / 30)));
  const mac = createHmac("sha1", Buffer.from(key)).update(counter).digest();
  const at = mac[mac.length - 1] & 15;
  const number = (((mac[at] & 127) << 24) | (mac[at + 1] << 16) | (mac[at + 2] << 8) | mac[at + 3]) % 1_000_000;
  return number.toString().padStart(6, "0");
}

/** Anna invites `email` from the People page; answers her page, still on it. */
async function invite(page: Page, name: string, email: string) {
  await page.goto("/");
  await signIn(page, "admin@kowalski-aero.demo");
  await page.getByRole("navigation").getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Marta Wiśniewska/ })).toContainText("Invited");
  await expect(page.getByRole("row", { name: /^Jan Zieliński/ })).toContainText("Deactivated");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Language of the invitation").selectOption("en");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toHaveText(`Invitation sent to ${email}.`);
  await expect(page.getByRole("row", { name: new RegExp(`^${name}`) })).toContainText("Invited");
}

/** The invitee accepts in a browser of their own; answers that page, signed in. */
async function accept(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(await mailedLink(email, "/invitation"));
  await expect(page.getByRole("heading", { name: "Accept the invitation" })).toBeVisible();
  await expectAccessible(page);
  const password = page.getByLabel("New password");
  await password.fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await password.fill("qwerty123456");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("This password is among the most common ones. Choose another.")).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await password.fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner")).toContainText("Member");
  await expect(page.getByRole("navigation").getByRole("link", { name: "People" })).toHaveCount(0);
  return page;
}

test("an invited engineer sets a password, signs in, and is deactivated at once", async ({ page, browser }) => {
  await invite(page, "Ewa Lis", "ewa.lis@kowalski-aero.demo");
  await expectAccessible(page);
  const ewa = await accept(browser, "ewa.lis@kowalski-aero.demo");

  await page.reload();
  const row = page.getByRole("row", { name: /^Ewa Lis/ });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("row", { name: /^Ewa Lis/ })).toContainText("Deactivated");
  await expect(page.getByRole("table").last()).toContainText("Deactivated");

  // Her open page loses its session on its next request.
  await ewa.getByRole("navigation").getByRole("link", { name: "Requests" }).click();
  await expect(ewa).toHaveURL(/\/sign-in/);
  await signIn(ewa, "ewa.lis@kowalski-aero.demo", NEW_PASSWORD);
  await expect(ewa.getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await ewa.context().close();
});

test("a member is not offered People, and the page is not found for them", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "inzynier@kowalski-aero.demo");
  await expect(page.getByRole("navigation").getByRole("link", { name: "My account" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "People" })).toHaveCount(0);
  await page.goto("/people");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("People");
});

test("a forgotten password is reset through the mailed link", async ({ page, browser }) => {
  await invite(page, "Olga Kruk", "olga.kruk@kowalski-aero.demo");
  const olga = await accept(browser, "olga.kruk@kowalski-aero.demo");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgotten password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mail").fill("olga.kruk@kowalski-aero.demo");
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "link is on its way" })).toBeVisible();
  // An unknown address gets the very same answer.
  await page.getByLabel("E-mail").fill("nobody@kowalski-aero.demo");
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "link is on its way" })).toBeVisible();

  const link = await mailedLink("olga.kruk@kowalski-aero.demo", "/reset-password");
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("New password").fill("another long passphrase");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "new password is set" })).toBeVisible();
  // Used once: the same link again is refused.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("alert")).toHaveText("This link is unknown, already used or expired. Ask for a new one.");

  // Her other session ended; the new password signs in.
  await olga.reload();
  await expect(olga).toHaveURL(/\/sign-in/);
  await signIn(olga, "olga.kruk@kowalski-aero.demo", "another long passphrase");
  await expect(olga).not.toHaveURL(/\/sign-in/);
  await olga.context().close();
});

test("my account shows the profile, refuses a common password, and lists this session", async ({ page }) => {
  await page.goto("/");
  await signIn(page, "buyer@northbridge.demo");
  await page.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await expect(page.getByLabel("Name")).toHaveValue("Oliver Hughes");
  await expect(page.getByRole("row", { name: /This session/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill("portal-demo");
  await page.getByLabel("New password").fill("qwertyqwerty");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is among the most common ones. Choose another.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("status").filter({ hasText: "other sessions have been signed out" })).toBeVisible();
});

test("the profile's language becomes the portal's", async ({ page, browser }) => {
  await invite(page, "Zofia Dąbek", "zofia.dabek@kowalski-aero.demo");
  const zofia = await accept(browser, "zofia.dabek@kowalski-aero.demo");
  await zofia.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await zofia.getByLabel("Language of the portal and mails").selectOption("cs");
  await zofia.getByRole("button", { name: "Save", exact: true }).click();
  await expect(zofia.getByRole("heading", { level: 1 })).toHaveText("Můj účet");
  // Remembered in this browser: a reload keeps it.
  await zofia.reload();
  await expect(zofia.getByRole("heading", { level: 1 })).toHaveText("Můj účet");
  await zofia.context().close();

  // A browser of her own that has never seen the portal follows her profile once she
  // signs in (the sign-in page still follows the browser's English).
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const fresh = await context.newPage();
  await fresh.goto("/account");
  await signIn(fresh, "zofia.dabek@kowalski-aero.demo", NEW_PASSWORD);
  await expect(fresh.getByRole("heading", { level: 1 })).toHaveText("Můj účet");
  // A language chosen in this browser wins over the profile's, also at the next sign-in.
  await fresh.getByRole("banner").getByLabel("Jazyk").selectOption("en");
  await expect(fresh.getByRole("heading", { level: 1 })).toHaveText("My account");
  await fresh.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await signIn(fresh, "zofia.dabek@kowalski-aero.demo", NEW_PASSWORD);
  await expect(fresh.getByRole("banner")).toContainText("Member");
  await fresh.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await expect(fresh.getByRole("heading", { level: 1 })).toHaveText("My account");
  await context.close();
});

test("two-step sign-in is set up with the QR code and then asks for the code", async ({ page, browser }) => {
  await invite(page, "Iga Sowa", "iga.sowa@kowalski-aero.demo");
  const iga = await accept(browser, "iga.sowa@kowalski-aero.demo");
  await iga.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await iga.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const qr = iga.getByRole("img", { name: "QR code for your authenticator app" });
  await expect(qr).toBeVisible();
  // The data: image is allowed by the production CSP and actually renders.
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(iga);
  const key = (await iga.locator("p", { hasText: "Key:" }).locator("code").textContent()) ?? "";
  await iga.getByLabel("Code").fill("000000");
  await iga.getByRole("button", { name: "Turn on" }).click();
  await expect(iga.getByText("This code is not valid or has been used. Enter the current one.")).toBeVisible();
  await iga.getByLabel("Code").fill(totp(key));
  await iga.getByRole("button", { name: "Turn on" }).click();
  await expect(iga.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
  await expect(iga.locator(".recovery-codes li")).toHaveCount(10);
  const recoveryCode = (await iga.locator(".recovery-codes li").first().textContent()) ?? "";

  await iga.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(iga).toHaveURL(/\/sign-in/);
  await signIn(iga, "iga.sowa@kowalski-aero.demo", NEW_PASSWORD);
  await expect(iga.getByRole("alert")).toHaveText("Enter the code from your authenticator app.");
  // The next step's code: the one that confirmed the set-up cannot be used twice.
  await iga.getByLabel("Code").fill(totp(key, 30));
  await iga.getByRole("button", { name: "Sign in" }).click();
  await expect(iga).not.toHaveURL(/\/sign-in/);
  await expect(iga.getByRole("banner")).toContainText("Iga Sowa");

  // A new phone: the same set-up, confirmed also with a code of the app in use now.
  await iga.getByRole("navigation").getByRole("link", { name: "My account" }).click();
  await expect(iga.getByText("Two-step sign-in is on.")).toBeVisible();
  await iga.getByRole("button", { name: "Move to a new phone" }).click();
  await expect(iga.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const newKey = (await iga.locator("p", { hasText: "Key:" }).locator("code").textContent()) ?? "";
  expect(newKey).not.toBe(key);
  const current = iga.getByLabel("Code from the app you use now, or a recovery code");
  await iga.getByLabel("Code from the new app").fill(totp(newKey));
  await current.fill("000000");
  await iga.getByRole("button", { name: "Turn on" }).click();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(iga.getByText("This code is not valid or has been used. Enter the current one.")).toBeVisible();
  await expectAccessible(iga);
  // The app's codes within reach have been used; one of the recovery codes stands in.
  await current.fill(recoveryCode);
  await iga.getByRole("button", { name: "Turn on" }).click();
  await expect(iga.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
  await expect(iga.locator(".recovery-codes li")).toHaveCount(10);
  await iga.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(iga, "iga.sowa@kowalski-aero.demo", NEW_PASSWORD);
  await iga.getByLabel("Code").fill(totp(newKey, 30));
  await iga.getByRole("button", { name: "Sign in" }).click();
  await expect(iga.getByRole("banner")).toContainText("Iga Sowa");

  // She loses her phone: Anna turns her two-step sign-in off from the People page.
  await page.reload();
  const row = page.getByRole("row", { name: /^Iga Sowa/ });
  await expect(row).toContainText("Active, two-step sign-in");
  await expect(page.getByRole("row", { name: /^Anna Kowalska/ }).getByRole("button", { name: "Reset two-step sign-in" })).toHaveCount(0);
  await row.getByRole("button", { name: "Reset two-step sign-in" }).click();
  await expect(row).not.toContainText("two-step sign-in");
  await expect(row.getByRole("button", { name: "Reset two-step sign-in" })).toHaveCount(0);
  await expect(page.getByRole("table").last()).toContainText("Two-step sign-in reset");
  await expectAccessible(page);
  // Her sessions have ended; her password alone signs her in; a mail tells her who did it.
  await iga.getByRole("navigation").getByRole("link", { name: "Requests" }).click();
  await expect(iga).toHaveURL(/\/sign-in/);
  await signIn(iga, "iga.sowa@kowalski-aero.demo", NEW_PASSWORD);
  await expect(iga.getByRole("banner")).toContainText("Iga Sowa");
  await expect
    .poll(async () => (await mails()).some((m) => to(m) === "iga.sowa@kowalski-aero.demo" && /Anna Kowalska has turned off two-step sign-in/.test(m.text)), { timeout: 20_000 })
    .toBe(true);
  await iga.context().close();
});

test("on a phone nothing moves on People and My account when their answers come late", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/people");
  await signIn(page, "admin@kowalski-aero.demo");
  await expect(page.getByRole("heading", { name: "Invite a colleague" })).toBeVisible();
  for (const path of ["**/api/v1/people", "**/api/v1/account"]) {
    await page.route(path, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
  }
  await watchLayoutShifts(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Invite a colleague" })).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Password", exact: true })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
});

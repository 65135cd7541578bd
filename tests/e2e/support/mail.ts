// Reading the mails the portal sent from MailDev's HTTP API (version 3: /api/email), and
// making events through the Support API and the support team's command line.
import { request, type APIRequestContext } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { expect } from "./fixtures";
import { serverBin } from "./global-setup";

export type Mail = {
  subject: string;
  to: { address: string }[];
  headers: Record<string, string>;
  text: string;
  html: string;
};

/** Every mail in the MailDev at `inbox` (the suite's unless told). */
export async function mails(inbox = process.env.PORTAL_MAIL): Promise<Mail[]> {
  const answer = await fetch(`${inbox}/api/email`);
  expect(answer.ok).toBeTruthy();
  return (await answer.json()) as Mail[];
}

/** The mails about request `id` (its number opens the subject). */
export async function mailsAbout(id: number, inbox?: string): Promise<Mail[]> {
  return (await mails(inbox)).filter((m) => m.subject.startsWith(`[#${id}] `));
}

/** Waits until a mail matching `found` has arrived, and answers it. */
export async function waitForMail(found: (m: Mail) => boolean, inbox?: string): Promise<Mail> {
  let mail: Mail | undefined;
  await expect
    .poll(async () => {
      mail = (await mails(inbox)).find(found);
      return !!mail;
    }, { timeout: 20_000 })
    .toBe(true);
  return mail as Mail;
}

export const to = (m: Mail) => m.to.map((t) => t.address).join(",");

/** The portal link of the mail's action (the first link of its plain text). */
export function linkIn(m: Mail): string {
  const found = m.text.match(/https?:\/\/\S+\/requests\/\d+/);
  expect(found, m.text).toBeTruthy();
  return (found as RegExpMatchArray)[0];
}

/** A signed-in client of the Support API, with its CSRF token. */
export async function apiAs(email: string, base = process.env.PORTAL_URL) {
  const api: APIRequestContext = await request.newContext({ baseURL: base });
  const session = await api.post("/api/v1/session", { data: { email, password: "portal-demo" } });
  expect(session.ok()).toBeTruthy();
  const csrf: string = (await session.json()).csrf_token;
  return {
    api,
    /** Creates a request and answers its id and status. */
    async create(title: string, details: object): Promise<{ id: number; status: string }> {
      const answer = await api.post("/api/v1/requests", {
        headers: { "X-CSRF-Token": csrf, "Idempotency-Key": crypto.randomUUID() },
        data: { title, description: "Made by the mail tests.", priority: "normal", licence_id: null, contact_phone: null, details },
      });
      expect(answer.status(), await answer.text()).toBe(201);
      const summary = (await answer.json()).summary;
      return { id: summary.id, status: summary.status };
    },
    async post(path: string, data: object) {
      const answer = await api.post(path, { headers: { "X-CSRF-Token": csrf }, data });
      expect(answer.ok(), await answer.text()).toBeTruthy();
    },
  };
}

/** The support team's command line on the suite's database (or `db`). */
export function staff(db: string | undefined, ...args: string[]): string {
  return execFileSync(serverBin, ["staff", ...args, "--db", db ?? process.env.PORTAL_DB ?? ""], { encoding: "utf8" });
}

export const unique = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

export function remote() {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return { type: "remote_service", window_from: `${day}T08:00:00Z`, window_to: `${day}T12:00:00Z`, expected_minutes: 60 };
}

// E-mail notifications (issue 12) as people receive them: each event's mail arrives in
// MailDev for the right person, in their language, with the request's number in the
// subject and a link that opens the request (through sign-in when signed out); the
// settings page and the per-request mute stop the mails they should. Tests share one
// MailDev and database with parallel workers, so each looks only at mails about the
// requests it made.
import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import { apiAs, linkIn, mailsAbout, remote, staff, to, unique, waitForMail } from "./support/mail";

const ANNA = "admin@kowalski-aero.demo";
const PIOTR = "inzynier@kowalski-aero.demo";
const TOMAS = "technik@strojirny-hradec.demo";
const OLIVER = "buyer@northbridge.demo";

test("a member's training from credit mails the admin, whose link leads through sign-in to the approval; approving mails the member", async ({
  page,
}) => {
  test.slow();
  const title = unique("CATIA training");
  const piotr = await apiAs(PIOTR);
  const { id, status } = await piotr.create(title, {
    type: "training", course_date_id: null, custom_topic: "CATIA V5 for two designers", participants: 2, location: "online",
  });
  expect(status).toBe("awaiting_approval");

  // To the member: the request's number, in the company's Polish.
  const received = await waitForMail((m) => m.subject === `[#${id}] Przyjęliśmy Twoje zgłoszenie: ${title}`);
  expect(to(received)).toBe(PIOTR);
  expect(received.html).toContain('<html lang="pl">');
  // To the admin: the approval waits, with the link to decide it.
  const needed = await waitForMail((m) => m.subject === `[#${id}] Czeka na Twoje zatwierdzenie: ${title}`);
  expect(to(needed)).toBe(ANNA);
  expect(needed.text).toContain("Piotr Nowak prosi o zgłoszenie nr");
  const link = linkIn(needed);
  expect(link).toBe(`${process.env.PORTAL_URL}/requests/${id}`);
  expect(needed.html).toContain(`<a href="${link}"`);
  expect(needed.html).toContain(`<a href="${process.env.PORTAL_URL}/notifications"`);
  expect(needed.html).not.toMatch(/<img|<script|src=/);

  // Signed out, the link asks to sign in first and then lands on the request.
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, ANNA);
  await expect(page).toHaveURL(new RegExp(`/requests/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator(".page-head .status-badge")).toHaveText("Submitted");

  const approved = await waitForMail((m) => m.subject === `[#${id}] Zatwierdzone: ${title}`);
  expect(to(approved)).toBe(PIOTR);
  expect(approved.text).toContain("Anna Kowalska zatwierdził(a)");
  // Nobody outside Kowalski Aero heard of the request.
  for (const mail of await mailsAbout(id)) expect(to(mail)).toMatch(/@kowalski-aero\.demo$/);
  expect((await mailsAbout(id)).length).toBe(3);
});

test("an admin's decline mails the member the reason", async () => {
  const title = unique("Macro review");
  const piotr = await apiAs(PIOTR);
  const anna = await apiAs(ANNA);
  const { id } = await piotr.create(title, remote());
  await anna.post(`/api/v1/requests/${id}/decision`, { approve: false, reason: "Not this quarter" });
  const declined = await waitForMail((m) => m.subject === `[#${id}] Odrzucone: ${title}`);
  expect(to(declined)).toBe(PIOTR);
  expect(declined.text).toContain("Powód: Not this quarter");
});

test("an admin's cancel of a member's request mails the member", async () => {
  const title = unique("Licence question");
  const piotr = await apiAs(PIOTR);
  const anna = await apiAs(ANNA);
  const { id } = await piotr.create(title, { type: "hotline" });
  await anna.post(`/api/v1/requests/${id}/cancel`, {});
  const cancelled = await waitForMail((m) => m.subject === `[#${id}] Anulowane: ${title}`);
  expect(to(cancelled)).toBe(PIOTR);
  expect(cancelled.text).toContain("(Anna Kowalska)");
});

test("the support team's comment, date and resolution mail the requester in Czech; the link opens the request", async ({
  page,
}) => {
  test.slow();
  const title = unique("PDM vault offline");
  const tomas = await apiAs(TOMAS);
  const { id } = await tomas.create(title, { type: "hotline" });
  staff(undefined, "comment", "--request", String(id), "--text", "Pošlete prosím log.", "--by", "Eva Malá");
  const comment = await waitForMail((m) => m.subject === `[#${id}] Nový komentář týmu podpory: ${title}`);
  expect(to(comment)).toBe(TOMAS);
  expect(comment.html).toContain('<html lang="cs">');
  expect(comment.text).toContain("Eva Malá z týmu podpory");
  expect(comment.text).toContain("Pošlete prosím log.");

  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  staff(undefined, "schedule", "--request", String(id), "--at", day);
  const [y, m, d] = day.split("-").map(Number);
  const scheduled = await waitForMail((mail) => mail.subject === `[#${id}] Termín stanoven: ${title}`);
  expect(scheduled.text).toContain(`má termín: ${d}. ${m}. ${y}.`);
  staff(undefined, "resolve", "--request", String(id));
  const resolved = await waitForMail((mail) => mail.subject === `[#${id}] Vyřešeno: ${title}`);
  expect(to(resolved)).toBe(TOMAS);

  await page.goto(linkIn(resolved));
  await signIn(page, TOMAS);
  await expect(page).toHaveURL(new RegExp(`/requests/${id}$`));
  await expect(page.getByRole("region", { name: "History" })).toContainText("Pošlete prosím log.");
});

test("switched-off kinds and a muted request are not mailed; members see no company-wide kinds", async ({
  page,
  browser,
}) => {
  test.slow();
  const oliver = await apiAs(OLIVER);
  const first = await oliver.create(unique("Switched off"), remote());
  const muted = await oliver.create(unique("Muted"), remote());

  await page.goto("/notifications");
  await signIn(page, OLIVER);
  await expect(page.getByRole("heading", { level: 1, name: "E-mail notifications" })).toBeVisible();
  await expect(page.getByRole("group", { name: "The whole company (for admins)" })).toBeVisible();
  const comments = page.getByLabel("A comment from the support team");
  await expect(comments).toBeChecked();
  await expectAccessible(page);
  await comments.uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("form").getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("A comment from the support team")).not.toBeChecked();
  await expect(page.getByLabel("A request resolved")).toBeChecked();

  await page.goto(`/requests/${muted.id}`);
  const mute = page.getByLabel("Do not e-mail me about this request");
  await expect(mute).not.toBeChecked();
  await mute.check();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expectAccessible(page);

  staff(undefined, "comment", "--request", String(first.id), "--text", "Not mailed");
  staff(undefined, "schedule", "--request", String(muted.id));
  staff(undefined, "schedule", "--request", String(first.id));
  // Mails go out in order: once the last one is in, the two before would be too.
  await waitForMail((m) => m.subject.startsWith(`[#${first.id}] Scheduled: `));
  expect((await mailsAbout(first.id)).map((m) => m.subject.split(":")[0])).toEqual([
    `[#${first.id}] We have received your request`,
    `[#${first.id}] Scheduled`,
  ]);
  expect((await mailsAbout(muted.id)).map((m) => m.subject.split(":")[0])).toEqual([
    `[#${muted.id}] We have received your request`,
  ]);

  // A member is offered only the mails about their own requests.
  const context = await browser.newContext({ baseURL: process.env.PORTAL_URL, locale: "en-GB" });
  const member = await context.newPage();
  await member.goto("/notifications");
  await signIn(member, PIOTR);
  await expect(member.getByLabel("A comment from the support team")).toBeVisible();
  await expect(member.getByRole("group", { name: "The whole company (for admins)" })).toHaveCount(0);
  await expect(member.getByLabel("The SBP balance below the threshold")).toHaveCount(0);
  await context.close();
});

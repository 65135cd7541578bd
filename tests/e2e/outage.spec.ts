// Nothing lost, nothing twice (issue 12): mails recorded while the SMTP server is down,
// across a SIGKILL of the API, arrive once each when both are back, and a second kill
// after they went out sends none again. Runs its own MailDev and API on a database of
// its own, so it can stop and kill them without disturbing the other tests.
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect } from "./support/fixtures";
import { apiAs, mails, staff, unique } from "./support/mail";
import { freePort, mailFlags, serverBin, start, startMailDev, stopChild } from "./support/servers.mjs";

function kill(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGKILL");
  });
}

test("mails made while SMTP is down arrive exactly once after a SIGKILL and a restart of both", async () => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), "portal-outage-"));
  const db = join(dir, "portal.sqlite3");
  execFileSync(serverBin, ["reset-demo", "--db", db], { stdio: "ignore" });
  const [apiPort, smtpPort, inboxPort] = [await freePort(), await freePort(), await freePort()];
  const inbox = `http://127.0.0.1:${inboxPort}`;
  const serve = () =>
    start(
      serverBin,
      ["serve", "--addr", `127.0.0.1:${apiPort}`, "--db", db, ...mailFlags(smtpPort, "http://portal.test")],
      /listening on/,
      "API",
    );
  let api = await serve();
  let maildev: ChildProcess | undefined;
  try {
    // SMTP is down: three requests and a comment are recorded, and fail to go out.
    const martin = await apiAs("admin@tatra-forming.demo", `http://127.0.0.1:${apiPort}`);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await martin.create(unique("Outage"), { type: "hotline" })).id);
    staff(db, "comment", "--request", String(ids[0]), "--text", "Sent while the API ran");
    await new Promise((ok) => setTimeout(ok, 2_500));
    await kill(api);
    // Recorded while the API is dead: the command line writes the outbox itself.
    staff(db, "comment", "--request", String(ids[1]), "--text", "Sent while the API was dead");

    maildev = await startMailDev(smtpPort, inboxPort);
    api = await serve();
    const ours = async () =>
      (await mails(inbox)).filter((m) => ids.some((id) => m.subject.startsWith(`[#${id}] `)));
    await expect.poll(async () => (await ours()).length, { timeout: 20_000 }).toBe(5);
    // Killed again after they went out, and restarted: nothing is sent twice.
    await kill(api);
    api = await serve();
    await new Promise((ok) => setTimeout(ok, 3_000));
    const arrived = await ours();
    expect(arrived.length).toBe(5);
    const messageIds = new Set(arrived.map((m) => m.headers["message-id"]));
    expect(messageIds.size).toBe(5);
    for (const id of ids) {
      expect(arrived.filter((m) => m.subject.startsWith(`[#${id}] Vašu požiadavku sme prijali`)).length).toBe(1);
    }
    expect(arrived.filter((m) => m.subject.includes("Nový komentár tímu podpory")).length).toBe(2);
  } finally {
    await Promise.all([stopChild(api), maildev && stopChild(maildev)]);
    rmSync(dir, { recursive: true, force: true });
  }
});

// Files on requests: attaching them (picker, drag and drop, a pasted screenshot), the
// progress of an upload, removing and retrying, the download, and the virus check
// (the test servers run clamd with a signature database that knows EICAR).
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, signIn, expectAccessible } from "./support/fixtures";
import { to, waitForMail } from "./support/mail";

const unique = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
// A 1x1 PNG, as a screenshot pasted from the clipboard would arrive.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

async function signedIn(page: Page, email: string, path: string) {
  await page.goto(path);
  await signIn(page, email);
  await expect(page.getByRole("banner")).toBeVisible();
}

/** Drops a file on the form's drop zone, as a drag from the desktop does. */
async function dropFile(page: Page, name: string, text: string) {
  const data = await page.evaluateHandle(
    ([name, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "text/plain" }));
      return transfer;
    },
    [name, text],
  );
  await page.locator(".attach").dispatchEvent("drop", { dataTransfer: data });
}

/** Pastes a PNG screenshot into the text box labelled `into`. */
async function pasteScreenshot(page: Page, into = "Your comment") {
  await page.getByLabel(into).focus();
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "image.png", { type: "image/png" }));
    const paste = new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true });
    document.activeElement?.dispatchEvent(paste);
  }, PNG_BASE64);
}

test("a comment takes picked, dropped and pasted files; removed ones stay behind; downloads match", async ({
  page,
}) => {
  test.slow();
  await signedIn(page, "buyer@northbridge.demo", "/requests/45");
  // The demo files: a clean screenshot is previewed, every clean file downloads.
  await expect(page.getByRole("img", { name: "Preview of screenshot.png" }).first()).toBeVisible();
  await expect(page.getByText("Up to 100 MB per file and 1 GB per request.")).toBeVisible();

  const log = `CATReport ${unique("line")}\n`;
  await page.getByLabel("Attach files").setInputFiles([
    { name: "today.log", mimeType: "text/plain", buffer: Buffer.from(log) },
    { name: "remove-me.log", mimeType: "text/plain", buffer: Buffer.from("no\n") },
  ]);
  await dropFile(page, "dropped.csv", "a,b\n1,2\n");
  await pasteScreenshot(page);
  await expect(page.locator(".attach-item")).toHaveCount(4);
  // Each goes up at once, staged until the comment takes it.
  await expect(page.getByText("Uploaded", { exact: true })).toHaveCount(4);
  await page.getByRole("button", { name: "Remove remove-me.log" }).click();
  await expect(page.locator(".attach-item")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByLabel("Your comment").fill("The log of today, and what I see.");
  await page.getByRole("button", { name: "Send comment" }).click();
  // Uploaded to the comment; pending until the scanner passes them, then downloadable.
  const comment = page.locator(".event-comment").filter({ hasText: "The log of today" });
  for (const name of ["today.log", "dropped.csv", "screenshot-4.png"]) {
    await expect(comment.getByRole("link", { name })).toBeVisible({ timeout: 20_000 });
  }
  await expect(comment.getByText("Virus check passed")).toHaveCount(3);
  await expect(page.getByText("remove-me.log")).toHaveCount(0);
  await expect(comment.getByRole("img", { name: "Preview of screenshot-4.png" })).toBeVisible();
  const href = await comment.getByRole("link", { name: "today.log" }).getAttribute("href");
  const download = await page.request.get(href ?? "");
  expect(download.ok()).toBeTruthy();
  expect(await download.text()).toBe(log);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  await expectAccessible(page);
});

test("a new request's pasted screenshot and 50 MiB log show their progress, a failed upload is retried, then the request opens", async ({
  page,
}, testInfo) => {
  test.slow();
  // From files: Playwright passes no buffer over 50 MB, nor buffers beside paths.
  const bigLog = testInfo.outputPath("big.log");
  writeFileSync(bigLog, Buffer.alloc(50 * 1024 * 1024, "a"));
  const title = unique("Assembly crashes on open");
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("The log is attached.");
  const setup = testInfo.outputPath("setup.exe");
  writeFileSync(setup, "MZ");
  // The API is down for the uploads (each goes up at once): they fail and say so.
  await page.route("**/api/v1/uploads", (route) => route.abort("connectionrefused"));
  await page.getByLabel("Attach files").setInputFiles([bigLog, setup]);
  // Refused before anything is sent, in the reader's language.
  await expect(page.getByText("This kind of file is not accepted.")).toBeVisible();
  await page.getByRole("button", { name: "Remove setup.exe" }).click();
  await pasteScreenshot(page, "Describe the problem");
  await expect(page.locator(".attach-item")).toHaveCount(2);
  await expectAccessible(page);

  // Sending waits for them: it says what to do, and the retry goes through.
  await expect(page.getByText("Upload failed")).toHaveCount(2);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert")).toHaveText("Some files did not upload: retry or remove them.");
  await page.unroute("**/api/v1/uploads");
  await page.getByRole("button", { name: /^Retry screenshot/ }).click();
  await page.getByRole("button", { name: "Retry big.log" }).click();
  await expect(page.getByRole("progressbar", { name: "Upload of big.log" })).toBeVisible();
  // Sent while the big log is still going up: the request waits for it.
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "big.log" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("img", { name: /^Preview of screenshot/ })).toBeVisible();
});

test("a draft's uploaded files survive a reload and go with the request; a removed one stays behind", async ({
  page,
}) => {
  test.slow();
  const title = unique("Draft with files");
  const log = `CATReport ${unique("kept")}\n`;
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Describe the problem").fill("The log was attached before a reload.");
  await page.getByLabel("Attach files").setInputFiles([
    { name: "kept.log", mimeType: "text/plain", buffer: Buffer.from(log) },
    { name: "gone.log", mimeType: "text/plain", buffer: Buffer.from("removed after the reload\n") },
    { name: "never.log", mimeType: "text/plain", buffer: Buffer.from("removed before the reload\n") },
  ]);
  await expect(page.getByText("Uploaded", { exact: true })).toHaveCount(3);
  // Removing a file takes it back from the server.
  const removed = page.waitForResponse((r) => r.url().includes("/api/v1/uploads/") && r.request().method() === "DELETE");
  await page.getByRole("button", { name: "Remove never.log" }).click();
  expect((await removed).status()).toBe(204);
  await expect(page.locator(".attach-item")).toHaveCount(2);

  // A reload loses the browser's files; the draft keeps the uploads.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toBeVisible();
  await page.getByRole("button", { name: "Continue the draft" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue(title);
  const items = page.locator(".attach-item");
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: "kept.log" })).toContainText("Uploaded");
  await expect(items.filter({ hasText: "gone.log" })).toBeVisible();
  await expect(page.getByText("never.log")).toHaveCount(0);
  await expectAccessible(page);
  const restoredRemoved = page.waitForResponse(
    (r) => r.url().includes("/api/v1/uploads/") && r.request().method() === "DELETE",
  );
  await page.getByRole("button", { name: "Remove gone.log" }).click();
  expect((await restoredRemoved).status()).toBe(204);

  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const link = page.getByRole("link", { name: "kept.log" });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("gone.log")).toHaveCount(0);
  await expect(page.getByText("never.log")).toHaveCount(0);
  const download = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(download.ok()).toBeTruthy();
  expect(await download.text()).toBe(log);
  await expectAccessible(page);
  // Sent, the draft is gone with its files.
  await page.goto("/requests/new?type=hotline");
  await expect(page.getByLabel("Subject")).toHaveValue("");
  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toHaveCount(0);
});

test("a discarded draft takes its uploads back from the server", async ({ page }) => {
  await signedIn(page, "admin@tatra-forming.demo", "/requests/new?type=hotline");
  await page.getByLabel("Attach files").setInputFiles([
    { name: "draft.log", mimeType: "text/plain", buffer: Buffer.from("only a draft\n") },
  ]);
  await expect(page.getByText("Uploaded", { exact: true })).toHaveCount(1);
  await page.reload();
  const removed = page.waitForResponse((r) => r.url().includes("/api/v1/uploads/") && r.request().method() === "DELETE");
  await page.getByRole("button", { name: "Discard it and start again" }).click();
  expect((await removed).status()).toBe(204);
  await expect(page.locator(".attach-item")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Subject")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Continue your draft?" })).toHaveCount(0);
});

test("EICAR is blocked by the virus check and its uploader is mailed, an .exe named .png is refused by the server", async ({
  page,
}) => {
  await signedIn(page, "buyer@northbridge.demo", "/requests/42");
  await page.getByLabel("Attach files").setInputFiles([
    { name: "eicar.txt", mimeType: "text/plain", buffer: Buffer.from(EICAR) },
    { name: "shot.png", mimeType: "image/png", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00PE\x00\x00") },
  ]);
  await page.getByLabel("Your comment").fill(unique("Two more files"));
  await page.getByRole("button", { name: "Send comment" }).click();
  // The server decides by content: the renamed program never becomes a file.
  await expect(page.getByText("This kind of file is not accepted.")).toBeVisible();
  const blocked = page.locator(".file").filter({ hasText: "eicar.txt" });
  await expect(blocked.getByText("Blocked by the virus check")).toBeVisible({ timeout: 20_000 });
  await expect(blocked.getByRole("link")).toHaveCount(0);
  await expectAccessible(page);
  // The uploader hears of it by mail, in their language, with the request's number.
  const mail = await waitForMail((m) => to(m) === "buyer@northbridge.demo" && m.subject.includes("eicar.txt"));
  expect(mail.subject).toBe("[#42] File eicar.txt blocked by the virus check");
});

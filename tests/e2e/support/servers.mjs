// What the browser tests (support/global-setup.ts) and the Lighthouse benchmark
// (scripts/lighthouse.mjs) run against: a freshly seeded reference API and real nginx with
// the production configuration of deploy/nginx serving the release build, both on free
// loopback ports. Plain JavaScript, so that node runs it as it is, as Playwright does.
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
// The tests use the debug build make test already has; the benchmarks set
// PORTAL_SERVER_PROFILE=release, so that their figures include the API as deployed.
export const serverBin = join(root, "target", process.env.PORTAL_SERVER_PROFILE ?? "debug", "support-api-server");
const maildevBin = join(root, "node_modules/.bin/maildev");

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/**
 * Spawns `cmd` and resolves once its output matches `ready`.
 * @returns {Promise<import("node:child_process").ChildProcess>}
 */
export function start(cmd, args, ready, name) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`${name} did not start:\n${seen}`)), 30_000);
    /** @param {Buffer} chunk */
    const watch = (chunk) => {
      seen += chunk.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout?.on("data", watch);
    child.stderr?.on("data", watch);
    child.once("exit", (code) => fail(new Error(`${name} exited with ${code}:\n${seen}`)));
  });
}

/** The nginx binary, found where scripts/setup.sh looks for it (scripts/nginx-path.sh). */
function nginxPath() {
  try {
    return execFileSync(join(root, "scripts/nginx-path.sh"), { encoding: "utf8" }).trim();
  } catch {
    throw new Error("nginx is missing: run scripts/setup.sh test (or apt-get install nginx)");
  }
}

/**
 * Fills the ${NAME} placeholders of a deploy/nginx template, as envsubst would.
 * @param {string} template
 * @param {Record<string, string>} values
 */
function fill(template, values) {
  return readFileSync(join(root, "deploy/nginx", template), "utf8").replace(
    /\$\{(\w+)\}/g,
    (_, name) => values[name] ?? `\${${name}}`,
  );
}

async function startNginx(dir, dist, webPort, apiPort) {
  const prefix = join(dir, "nginx");
  mkdirSync(prefix);
  const values = {
    NGINX_PREFIX: prefix,
    PORTAL_LISTEN: `127.0.0.1:${webPort}`,
    PORTAL_ROOT: dist,
    API_UPSTREAM: `127.0.0.1:${apiPort}`,
  };
  writeFileSync(join(prefix, "nginx.conf"), fill("nginx.conf.template", values));
  writeFileSync(join(prefix, "portal.conf"), fill("portal.conf.template", values));
  copyFileSync(join(root, "deploy/nginx/security-headers.conf"), join(prefix, "security-headers.conf"));
  // Started by root, nginx runs its workers as `nobody`, who cannot enter a clone in a
  // folder only root may enter (root's home), nor this mode-700 temporary directory where
  // the workers buffer large API answers: every page would be "Permission denied". The
  // workers of this loopback-only test server keep root instead. (Started by anyone else,
  // nginx cannot change user and its workers are already that user.)
  const user = process.getuid?.() === 0 ? " user root;" : "";
  const child = spawn(
    nginxPath(),
    ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-e", join(prefix, "error.log"), "-g", `daemon off; pid ${prefix}/nginx.pid;${user}`],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.once("exit", (code) => {
    if (code) console.error(`nginx exited with ${code}: ${readFileSync(join(prefix, "error.log"), "utf8")}`);
  });
  // nginx prints nothing when it is up: wait until it serves the portal.
  for (let i = 0; i < 100; i++) {
    try {
      const answer = await fetch(`http://127.0.0.1:${webPort}/index.html`);
      if (answer.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  child.kill();
  throw new Error(`nginx did not start: ${readFileSync(join(prefix, "error.log"), "utf8")}`);
}

/**
 * MailDev on `smtpPort` (SMTP) and `webPort` (its web inbox and HTTP API), loopback only,
 * ready once its HTTP API answers. Its API in version 3 is `/api/email`.
 * @returns {Promise<import("node:child_process").ChildProcess>}
 */
export async function startMailDev(smtpPort, webPort) {
  const child = await start(
    maildevBin,
    ["--smtp", String(smtpPort), "--ip", "127.0.0.1", "--web", String(webPort), "--web-ip", "127.0.0.1"],
    /SMTP Server/,
    "MailDev",
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${webPort}/api/email`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  child.kill();
  throw new Error("MailDev's HTTP API did not answer");
}

/** The `serve` flags that send mail to MailDev on `smtpPort`, with links to `portalUrl`
 * and a short wait between tries (tests wait for mail after an outage). */
export function mailFlags(smtpPort, portalUrl) {
  return ["--smtp-port", String(smtpPort), "--public-url", portalUrl, "--mail-retry-max-seconds", "1"];
}

/** Ends `child` and waits until it has. */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once("exit", () => ok());
    child.kill();
  });
}

/**
 * Seeds a database in a new temporary directory (with the scale customer when `scale`),
 * starts MailDev, clamd, the API on it (sending to MailDev, scanning with clamd) and nginx serving `dist` in front of it.
 * @param {{ scale?: boolean, dist?: string }} [options]
 * @returns {Promise<{ url: string, api: string, db: string, mail: string, stop: () => Promise<void> }>}
 */
export async function startPortal({ scale = false, dist = join(root, "dist") } = {}) {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`no release build in ${dist}: run make build first`);
  }
  const dir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
  const db = join(dir, "portal.sqlite3");
  execFileSync(serverBin, ["reset-demo", "--db", db, ...(scale ? ["--scale"] : [])], { cwd: root, stdio: "ignore" });
  const [apiPort, webPort, smtpPort, inboxPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${webPort}`;
  const maildev = await startMailDev(smtpPort, inboxPort);
  // The virus check: a clamd of its own that knows EICAR (scripts/clamd.sh).
  let clamd;
  try {
    clamd = await start(join(root, "scripts/clamd.sh"), [join(dir, "clamd")], /clamd ready/, "clamd");
  } catch (error) {
    await stopChild(maildev);
    throw error;
  }
  const socket = join(dir, "clamd", "clamd.sock");
  let api;
  let web;
  try {
    api = await start(
      serverBin,
      ["serve", "--addr", `127.0.0.1:${apiPort}`, "--db", db, "--clamd", socket, ...mailFlags(smtpPort, url)],
      /listening on/,
      "API",
    );
    web = await startNginx(dir, dist, webPort, apiPort);
  } catch (error) {
    await Promise.all([stopChild(maildev), stopChild(clamd), api && stopChild(api)]);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    api: `http://127.0.0.1:${apiPort}`,
    db,
    mail: `http://127.0.0.1:${inboxPort}`,
    stop: async () => {
      await Promise.all([stopChild(web), stopChild(api), stopChild(maildev), stopChild(clamd)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

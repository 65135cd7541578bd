// Starts a freshly seeded reference API and the release build of the portal on free
// ports, for the whole browser suite. Tests read the addresses from the environment.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const serverBin = join(root, "target/debug/support-api-server");

function freePort(): Promise<number> {
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

function start(cmd: string, args: string[], ready: RegExp, name: string): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`${name} did not start:\n${seen}`)), 30_000);
    const watch = (chunk: Buffer) => {
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

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
  const db = join(dir, "portal.sqlite3");
  execFileSync(serverBin, ["reset-demo", "--db", db], { cwd: root, stdio: "ignore" });
  const apiPort = await freePort();
  const webPort = await freePort();
  const api = await start(serverBin, ["serve", "--addr", `127.0.0.1:${apiPort}`, "--db", db], /listening on/, "API");
  const web = await start(
    "node",
    [join(root, "tests/e2e/support/serve-dist.mjs"), join(root, "dist"), String(webPort), `127.0.0.1:${apiPort}`],
    /serving/,
    "static server",
  );
  process.env.PORTAL_URL = `http://127.0.0.1:${webPort}`;
  process.env.PORTAL_API = `http://127.0.0.1:${apiPort}`;
  process.env.PORTAL_DB = db;
  return async () => {
    web.kill();
    api.kill();
  };
}

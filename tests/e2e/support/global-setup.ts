// Starts a freshly seeded reference API, and real nginx with the repo's production
// configuration (deploy/nginx) serving the release build, on free ports, for the whole
// browser suite. Tests read the addresses from the environment.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

/** Fills the ${NAME} placeholders of a deploy/nginx template, as envsubst would. */
function fill(template: string, values: Record<string, string>): string {
  return readFileSync(join(root, "deploy/nginx", template), "utf8").replace(
    /\$\{(\w+)\}/g,
    (_, name: string) => values[name] ?? `\${${name}}`,
  );
}

async function startNginx(dir: string, webPort: number, apiPort: number): Promise<ChildProcess> {
  const prefix = join(dir, "nginx");
  mkdirSync(prefix);
  const values = {
    NGINX_PREFIX: prefix,
    PORTAL_LISTEN: `127.0.0.1:${webPort}`,
    PORTAL_ROOT: join(root, "dist"),
    API_UPSTREAM: `127.0.0.1:${apiPort}`,
  };
  writeFileSync(join(prefix, "nginx.conf"), fill("nginx.conf.template", values));
  writeFileSync(join(prefix, "portal.conf"), fill("portal.conf.template", values));
  copyFileSync(join(root, "deploy/nginx/security-headers.conf"), join(prefix, "security-headers.conf"));
  const child = spawn(
    "nginx",
    ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-e", join(prefix, "error.log"), "-g", `daemon off; pid ${prefix}/nginx.pid;`],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.once("exit", (code) => {
    if (code) console.error(`nginx exited with ${code}: ${readFileSync(join(prefix, "error.log"), "utf8")}`);
  });
  // nginx prints nothing when it is up: wait until the port answers.
  for (let i = 0; i < 100; i++) {
    try {
      const answer = await fetch(`http://127.0.0.1:${webPort}/index.html`);
      if (answer.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`nginx did not start: ${readFileSync(join(prefix, "error.log"), "utf8")}`);
}

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
  const db = join(dir, "portal.sqlite3");
  // The benchmarks' configuration asks for the scale customer as well.
  const scale = process.env.PORTAL_SEED_SCALE ? ["--scale"] : [];
  execFileSync(serverBin, ["reset-demo", "--db", db, ...scale], { cwd: root, stdio: "ignore" });
  const apiPort = await freePort();
  const webPort = await freePort();
  const api = await start(serverBin, ["serve", "--addr", `127.0.0.1:${apiPort}`, "--db", db], /listening on/, "API");
  const web = await startNginx(dir, webPort, apiPort);
  process.env.PORTAL_URL = `http://127.0.0.1:${webPort}`;
  process.env.PORTAL_API = `http://127.0.0.1:${apiPort}`;
  process.env.PORTAL_DB = db;
  return async () => {
    web.kill();
    api.kill();
  };
}

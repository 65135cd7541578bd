// `make lighthouse`: Lighthouse (npm, pinned in package.json) with its mobile defaults
// (Moto G Power emulation, simulated throttling: 150 ms RTT, 1.6 Mbps, CPU slowed 4x) on
// the sign-in page and every signed-in page, in Debian's Chromium, against the release
// build behind deploy/nginx's production configuration and a freshly seeded API on free
// ports (the browser tests' servers, tests/e2e/support/servers.mjs). Prints the median of
// RUNS runs per page; a benchmark that prints figures, not a test that passes or fails.
// The reports stay in target/lighthouse/ (open the .html in a browser).
// Usage: node scripts/lighthouse.mjs [--runs N] [--dist DIR] [PAGE...]
//   (make lighthouse [RUNS=5] [PAGES="/plan /credit"]): fewer pages, more runs; --dist
//   measures another build (an earlier commit's, for a before and after in one session).
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { root, startPortal } from "../tests/e2e/support/servers.mjs";

const ACCOUNT = { email: "admin@kowalski-aero.demo", password: "portal-demo" };
/** Each page, and whether Lighthouse visits it signed in. */
const PAGES = [
  ["/sign-in", false],
  ["/", true],
  ["/plan", true],
  ["/credit", true],
  ["/requests", true],
  ["/requests/new", true],
  ["/billing", true],
  ["/people", true],
  ["/account", true],
  ["/notifications", true],
];
// Debian's Chromium, kept from reaching for the network (as in the browser tests).
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");
const reports = join(root, "target/lighthouse");

const { values: options, positionals: chosen } = parseArgs({
  options: { runs: { type: "string", default: "3" }, dist: { type: "string" } },
  allowPositionals: true,
});
const RUNS = Number(options.runs);
const unknown = chosen.filter((path) => !PAGES.some(([p]) => p === path));
if (!(RUNS >= 1) || unknown.length) {
  console.error(`usage: node scripts/lighthouse.mjs [--runs N] [--dist DIR] [${PAGES.map(([p]) => p).join(" ")}]`);
  process.exit(2);
}
const pages = chosen.length ? PAGES.filter(([p]) => chosen.includes(p)) : PAGES;

/** The session cookie (`name=value`) of a fresh sign-in through the portal's origin. */
async function sessionCookie(url) {
  const answer = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ACCOUNT),
  });
  const cookie = answer.headers.getSetCookie()[0]?.split(";")[0];
  if (!answer.ok || !cookie) throw new Error(`lighthouse: signing in failed with ${answer.status}`);
  return cookie;
}

/** One Lighthouse run; the report's figures. Lighthouse carries the cookie as a request
 * header on every request of the page, the wasm's API calls included. */
async function measure(url, path, cookie, name) {
  const args = [
    url + path,
    "--quiet",
    "--output=json",
    "--output=html",
    `--output-path=${join(reports, name)}`,
    "--only-categories=performance,accessibility,best-practices",
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  // Lighthouse now and then loses the trace of a load on a busy machine (NO_NAVSTART,
  // NO_FCP): such a run measured nothing, so it is run again, once.
  for (let attempt = 1; ; attempt++) {
    try {
      await promisify(execFile)("lighthouse", args, {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
        maxBuffer: 64 * 1024 * 1024,
      });
      break;
    } catch (error) {
      if (error.code === "ENOENT") throw new Error("lighthouse is missing: run scripts/setup.sh test");
      if (attempt === 2 || !/NO_NAVSTART|NO_FCP|trace/.test(String(error.stderr))) throw error;
      console.error(`lighthouse: ${path}: ${String(error.stderr).trim()}; running it again`);
    }
  }
  const lhr = JSON.parse(readFileSync(join(reports, `${name}.report.json`), "utf8"));
  if (lhr.runtimeError) throw new Error(`lighthouse: ${path}: ${lhr.runtimeError.message}`);
  // A signed-in page that sent Lighthouse to the sign-in page would measure the wrong page.
  const shown = new URL(lhr.finalDisplayedUrl).pathname;
  if (shown !== path) throw new Error(`lighthouse: ${path} ended on ${shown}`);
  return {
    performance: lhr.categories.performance.score * 100,
    lcp: lhr.audits["largest-contentful-paint"].numericValue,
    tbt: lhr.audits["total-blocking-time"].numericValue,
    cls: lhr.audits["cumulative-layout-shift"].numericValue,
    accessibility: lhr.categories.accessibility.score * 100,
    bestPractices: lhr.categories["best-practices"].score * 100,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

mkdirSync(reports, { recursive: true });
const portal = await startPortal(options.dist ? { dist: options.dist } : {});
const rows = [];
const notes = [];
try {
  const cookie = await sessionCookie(portal.url);
  for (const [path, signedIn] of pages) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const name = `${path === "/" ? "overview" : path.slice(1).replaceAll("/", "-")}-${run}`;
      runs.push(await measure(portal.url, path, signedIn ? cookie : null, name));
      process.stderr.write(`lighthouse: ${path} run ${run}/${RUNS} done\n`);
    }
    // The median of each figure on its own (with 3 runs, one run's value).
    const m = (key) => median(runs.map((r) => r[key]));
    rows.push([
      `\`${path}\``,
      `${Math.round(m("performance"))}`,
      `${(m("lcp") / 1000).toFixed(1)} s`,
      `${Math.round(m("tbt"))} ms`,
      m("cls").toFixed(3),
      `${Math.round(m("accessibility"))}`,
      `${Math.round(m("bestPractices"))}`,
    ]);
    notes.push(`  ${path}: performance ${runs.map((r) => Math.round(r.performance)).join(", ")}; CPU benchmark index ${runs.map((r) => Math.round(r.benchmarkIndex)).join(", ")}`);
  }
} finally {
  await portal.stop();
}

console.log(`Lighthouse, mobile defaults, ${ACCOUNT.email} signed in, median of ${RUNS} runs:\n`);
console.log("| page | performance | LCP | TBT | CLS | accessibility | best practices |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(`\nEach run (a low CPU benchmark index means a busy machine, which inflates TBT):`);
console.log(notes.join("\n"));
console.log(`Reports: ${reports}`);

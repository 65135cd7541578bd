import { defineConfig } from "@playwright/test";

// Debian's chromium, never a browser Playwright downloads. The flags keep it from
// reaching for the network, which this machine does not have.
export default defineConfig({
  testDir: ".",
  globalSetup: "./support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  // No retries: a test that passes only sometimes is a bug in the test or the portal.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "../../test-results",
  // Ending every session on the server would disturb tests running beside it, so the
  // tests that do it run alone, after all the others.
  projects: [
    // Benchmarks run on their own configuration (bench.config.ts), never here.
    { name: "main", testIgnore: [/expiry\.spec\.ts/, /bench\//] },
    { name: "expiry", testMatch: /expiry\.spec\.ts/, dependencies: ["main"] },
  ],
  use: {
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});

// The benchmarks: not timed tests, figures to read. Run them alone, on a server seeded
// with the scale customer (admin@scale.demo):
//   npx playwright test --config tests/e2e/bench.config.ts
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Read by support/global-setup.ts: seed with `reset-demo --scale`.
process.env.PORTAL_SEED_SCALE = "1";

export default defineConfig({
  ...base,
  testDir: "./bench",
  testMatch: /.*\.bench\.ts/,
  projects: undefined,
  fullyParallel: false,
  workers: 1,
  timeout: 300_000,
});

// The benchmarks (tests/e2e/bench/*.bench.ts): the suite's setup seeded with the scale
// customer, one worker so the figures do not compete for the CPU, and nothing else.
//   npx playwright test --config tests/e2e/bench.config.ts
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

process.env.PORTAL_SEED_SCALE = "1";

export default defineConfig({
  ...base,
  testDir: "./bench",
  testMatch: /\.bench\.ts$/,
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  outputDir: "../../test-results/bench",
  projects: [{ name: "bench" }],
});

import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.ts";

const ROOT = join(import.meta.dirname, "../..");
/** The seed build (`npm run build`), and a build of the language fixtures: many scripts, right to left, Markdown. */
export const SEED_PORT = 4173;
export const FIXTURE_PORT = 4174;
const FIXTURE_OUT = "reports/fixture-site";

export default defineConfig({
  testDir: ".",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? "list" : [["list"]],
  outputDir: join(ROOT, "test-results"),
  use: { browserName: "chromium", launchOptions: chromiumLaunchOptions(), trace: "retain-on-failure" },
  projects: [
    { name: "seed site", testMatch: /seed\..*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SEED_PORT}` } },
    { name: "fixture site", testMatch: /fixtures\..*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` } },
  ],
  webServer: [
    {
      command: `node --import tsx src/deploy/preview-server.ts --port ${SEED_PORT} --dir _site`,
      url: `http://127.0.0.1:${SEED_PORT}/`,
      cwd: ROOT,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node --import tsx src/build.ts && node --import tsx src/deploy/preview-server.ts --port ${FIXTURE_PORT} --dir ${FIXTURE_OUT}`,
      env: { CONTENT_DIR: "tests/fixtures/languages", OUTPUT_DIR: FIXTURE_OUT, REPORT_FILE: `${FIXTURE_OUT}.json` },
      url: `http://127.0.0.1:${FIXTURE_PORT}/`,
      cwd: ROOT,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
  ],
});

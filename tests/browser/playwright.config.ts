import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.ts";

const ROOT = join(import.meta.dirname, "../..");
/** The seed build (`npm run build`), and a build of the language fixtures: many scripts, right to left, Markdown. */
export const SEED_PORT = 4173;
export const FIXTURE_PORT = 4174;
const FIXTURE_OUT = "reports/fixture-site";
/** The seed site again, built and served under a path prefix, as a GitHub Pages project site is. */
export const SUBPATH_PORT = 4175;
const SUBPATH = "/polyglot/";
const SUBPATH_OUT = "reports/subpath-site";
const FIXTURE_SUBPATH_PORT = 4176;
const FIXTURE_SUBPATH_OUT = "reports/fixture-subpath-site";
/** The hostile-input corpus (tests/fixtures/hostile.ts), generated, built and served. */
const HOSTILE_PORT = 4177;
const HOSTILE_CONTENT = "reports/hostile-content";
const HOSTILE_OUT = "reports/hostile-site";

/**
 * Under a sub-path the pages differ only in their URLs: every link, asset, feed, search bundle and
 * hreflang is checked there again, but not what a prefix cannot change (accessibility, attribution,
 * and the tests tagged PREFIX_BLIND in test.ts).
 */
const PREFIX_BLIND = [/\.a11y\.spec\.ts$/, /\.attribution\.spec\.ts$/];
const PREFIX_BLIND_TAG = /@prefix-blind/;

export default defineConfig({
  testDir: ".",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? "list" : [["list"]],
  outputDir: join(ROOT, "test-results"),
  // A trace is kept where someone can open it; CI's clone is gone when it ends, and recording cost ~8% of the suite.
  use: { browserName: "chromium", launchOptions: chromiumLaunchOptions(), trace: process.env.CI ? "off" : "retain-on-failure" },
  projects: [
    { name: "seed site", testMatch: /seed\..*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SEED_PORT}` } },
    { name: "fixture site", testMatch: /fixtures\..*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` }, metadata: { siteDir: FIXTURE_OUT } },
    {
      name: "fixture site under a sub-path",
      testMatch: /fixtures\..*\.spec\.ts/,
      testIgnore: PREFIX_BLIND,
      grepInvert: PREFIX_BLIND_TAG,
      use: { baseURL: `http://127.0.0.1:${FIXTURE_SUBPATH_PORT}${SUBPATH}` },
      metadata: { pathPrefix: SUBPATH, siteDir: FIXTURE_SUBPATH_OUT },
    },
    {
      name: "seed site under a sub-path",
      testMatch: /seed\..*\.spec\.ts/,
      testIgnore: PREFIX_BLIND,
      grepInvert: PREFIX_BLIND_TAG,
      use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}` },
      metadata: { pathPrefix: SUBPATH, siteDir: SUBPATH_OUT },
    },
    { name: "hostile input site", testMatch: /hostile\..*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${HOSTILE_PORT}` }, metadata: { siteDir: HOSTILE_OUT } },
  ],
  webServer: [
    {
      command: `node --import tsx src/deploy/preview-server.ts --port ${SEED_PORT} --dir _site`,
      url: `http://127.0.0.1:${SEED_PORT}/`,
      cwd: ROOT,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node bin/build.js && node --import tsx src/deploy/preview-server.ts --port ${FIXTURE_PORT} --dir ${FIXTURE_OUT}`,
      env: { CONTENT_DIR: "tests/fixtures/languages", OUTPUT_DIR: FIXTURE_OUT, REPORT_FILE: `${FIXTURE_OUT}.json` },
      url: `http://127.0.0.1:${FIXTURE_PORT}/`,
      cwd: ROOT,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node bin/build.js && node --import tsx src/deploy/preview-server.ts --port ${SUBPATH_PORT} --dir ${SUBPATH_OUT} --prefix ${SUBPATH}`,
      env: { PATH_PREFIX: SUBPATH, OUTPUT_DIR: SUBPATH_OUT, REPORT_FILE: "reports/subpath-report.json" },
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      cwd: ROOT,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node bin/build.js && node --import tsx src/deploy/preview-server.ts --port ${FIXTURE_SUBPATH_PORT} --dir ${FIXTURE_SUBPATH_OUT} --prefix ${SUBPATH}`,
      env: { CONTENT_DIR: "tests/fixtures/languages", PATH_PREFIX: SUBPATH, OUTPUT_DIR: FIXTURE_SUBPATH_OUT, REPORT_FILE: `${FIXTURE_SUBPATH_OUT}.json` },
      url: `http://127.0.0.1:${FIXTURE_SUBPATH_PORT}${SUBPATH}`,
      cwd: ROOT,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node --import tsx tests/fixtures/hostile.ts ${HOSTILE_CONTENT} && node bin/build.js && node --import tsx src/deploy/preview-server.ts --port ${HOSTILE_PORT} --dir ${HOSTILE_OUT}`,
      env: { CONTENT_DIR: HOSTILE_CONTENT, OUTPUT_DIR: HOSTILE_OUT, REPORT_FILE: `${HOSTILE_OUT}.json` },
      url: `http://127.0.0.1:${HOSTILE_PORT}/`,
      cwd: ROOT,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
    },
  ],
});

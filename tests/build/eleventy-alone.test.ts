/** Eleventy run directly (`npx @11ty/eleventy --config=.eleventy.ts`) writes the pages `npm run build` does. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../src/settings.ts";
import { runBuild, siteFingerprint } from "../unit/helpers.ts";

/** What only the build makes: the search bundles, the social cards and the host's rule files. */
const BUILD_ONLY = /^(pagefind\/|_headers$|_redirects$|.*\/card\.jpg$)/;

describe("Eleventy run on its own", () => {
  it("writes every page and asset npm run build writes, byte for byte, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "alone-"));
    const build = runBuild({ OUTPUT_DIR: join(dir, "build"), REPORT_FILE: join(dir, "report.json"), DETECTION_CACHE: "off" });
    assert.equal(build.status, 0, build.stderr);
    const cli = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=.eleventy.ts", `--output=${join(dir, "alone")}`, "--quiet"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    assert.equal(cli.status, 0, cli.stderr);
    const built = siteFingerprint(join(dir, "build"));
    const alone = siteFingerprint(join(dir, "alone"));
    const expected = Object.fromEntries(Object.entries(built).filter(([file]) => !BUILD_ONLY.test(file)));
    assert.ok(Object.keys(expected).length > 30, "the seed site has its pages");
    assert.deepEqual(alone, expected);
  });
});

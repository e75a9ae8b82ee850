// Whole builds on hostile input, run as `npm run build` runs: exit codes, messages, the report, the last good site.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BuildReport } from "../../src/pipeline.ts";
import { hostileCases, writeHostileCorpus, type HostileCase } from "../fixtures/hostile.ts";
import { LANGUAGES_DIR, runBuild } from "../unit/helpers.ts";

const source = (lang: string) => readFileSync(join(LANGUAGES_DIR, `${lang}.txt`), "utf8");
const cases = hostileCases();
const byOutcome = (outcome: HostileCase["outcome"]) => cases.filter((c) => c.outcome === outcome);

describe("a folder holding every kind of hostile input", () => {
  const work = mkdtempSync(join(tmpdir(), "hostile-all-"));
  const dir = join(work, "documents");
  writeHostileCorpus(dir, "all");
  const reportFile = join(work, "report.json");
  const site = join(work, "site");
  const run = runBuild({ CONTENT_DIR: dir, OUTPUT_DIR: site, REPORT_FILE: reportFile });

  it("stops the build with exit code 1 and no stack trace", () => {
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it("names every file that stops the build, with its reason, in one run", () => {
    for (const c of byOutcome("stops")) {
      const line = run.stderr.split("\n").find((l) => l.includes(`✗ ${c.file}: `));
      assert.ok(line, `${c.file} is named`);
      assert.match(line, c.reason!);
    }
  });

  it("writes a report in which every input is accounted for: in error, held back or not a document", () => {
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as BuildReport;
    assert.equal(report.stopped, true);
    assert.equal(report.published, 0);
    assert.equal(report.inputs, cases.length);
    assert.deepEqual(report.documents.map((d) => d.file).sort(), cases.map((c) => c.file).sort());
    const status = new Map(report.documents.map((d) => [d.file, d.status]));
    for (const c of cases) assert.equal(status.get(c.file), { stops: "error", published: "held", ignored: "ignored" }[c.outcome], c.file);
  });

  it("publishes nothing", () => {
    assert.equal(existsSync(site), false);
  });
});

describe("a documents folder the build cannot use", () => {
  const build = (env: Record<string, string>) => {
    const work = mkdtempSync(join(tmpdir(), "unusable-"));
    const site = join(work, "site");
    mkdirSync(site);
    writeFileSync(join(site, "index.html"), "the last good site");
    const reportFile = join(work, "report.json");
    const run = runBuild({ OUTPUT_DIR: site, REPORT_FILE: reportFile, ...env });
    return { run, site, report: existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, "utf8")) as BuildReport) : undefined, work };
  };
  const stopsCleanly = (r: ReturnType<typeof build>, message: RegExp) => {
    assert.equal(r.run.status, 1, r.run.stderr);
    assert.doesNotMatch(r.run.stderr, /\n\s+at /);
    assert.match(r.run.stderr, message);
    assert.equal(readFileSync(join(r.site, "index.html"), "utf8"), "the last good site");
    assert.equal(r.report?.stopped, true);
  };

  it("stops naming a documents folder that does not exist, writes a stopped report and keeps the last site", () => {
    stopsCleanly(build({ CONTENT_DIR: "/nonexistent/documents" }), /\/nonexistent\/documents.*cannot be read/);
  });

  it("stops naming a documents folder that is a file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "file-")), "documents");
    writeFileSync(file, "not a folder");
    stopsCleanly(build({ CONTENT_DIR: file }), /is not a folder/);
  });

  it("stops on an empty folder instead of replacing the site with an empty one", () => {
    stopsCleanly(build({ CONTENT_DIR: mkdtempSync(join(tmpdir(), "empty-")) }), /nothing to publish: the folder is empty/);
  });

  it("stops on a folder of drafts only, saying so", () => {
    const dir = mkdtempSync(join(tmpdir(), "drafts-"));
    writeFileSync(join(dir, "draft.md"), `---\ndraft: true\n---\n${source("en")}`);
    stopsCleanly(build({ CONTENT_DIR: dir }), /nothing to publish: 1 draft\(s\), no other document/);
  });

  it("names a file whose name is not valid UTF-8, escaped, with the reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "names-"));
    writeFileSync(join(dir, "en.txt"), source("en"));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, "caf")), Buffer.from([0xe9]), Buffer.from(".txt")]), source("pt"));
    const r = build({ CONTENT_DIR: dir });
    stopsCleanly(r, /✗ caf\\xE9\.txt: the file name is not valid UTF-8/);
    assert.deepEqual(
      r.report?.documents.map((d) => [d.file, d.status]),
      [
        ["caf\\xE9.txt", "error"],
        ["en.txt", "held"],
      ],
    );
  });
});

describe("bad input from the command line", () => {
  it("stops `npm run build` with exit code 1 and a list, not a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "docs-"));
    writeFileSync(join(dir, "empty.txt"), " ");
    writeFileSync(join(dir, "nul.txt"), "a\0b");
    const run = runBuild({ CONTENT_DIR: dir, OUTPUT_DIR: join(dir, "_site"), REPORT_FILE: join(dir, "report.json") });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Build stopped: 2 input problem\(s\), each named below with its reason\./);
    assert.match(run.stderr, /empty\.txt: empty/);
    assert.match(run.stderr, /nul\.txt: contains a NUL character/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });
});

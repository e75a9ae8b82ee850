import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSiteModel, type SiteModel } from "../../src/pipeline.ts";
import { loadSettings } from "../../src/settings.ts";
import { countWords } from "../../src/ingest/text.ts";
import { CONTROL_TITLE_SHOWN, hostileCases, writeHostileCorpus, type HostileCase } from "../fixtures/hostile.ts";
import { ingestDocument } from "../../src/ingest/document.ts";
import { readDocument } from "../../src/ingest/folder.ts";
import { LANGUAGES_DIR, utf8 } from "./helpers.ts";

const cases = hostileCases();
const byOutcome = (outcome: HostileCase["outcome"]) => cases.filter((c) => c.outcome === outcome);
const source = (lang: string) => readFileSync(join(LANGUAGES_DIR, `${lang}.txt`), "utf8");

describe("a folder of odd but publishable input", () => {
  const dir = mkdtempSync(join(tmpdir(), "hostile-ok-"));
  writeHostileCorpus(dir, "publishable");
  const model: SiteModel = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
  const { report } = model;
  const article = (file: string) => model.articles.find((a) => a.file === file)!;

  it("publishes each file in its language; the report's inputs are the published plus the reported", () => {
    assert.equal(report.stopped, false);
    assert.equal(report.inputs, report.documents.length);
    const published = report.documents.filter((d) => d.status === "published");
    assert.equal(report.published, published.length);
    assert.equal(report.inputs, published.length + byOutcome("ignored").length);
    for (const c of byOutcome("published")) assert.equal(article(c.file)?.lang, c.lang, c.file);
    for (const c of byOutcome("ignored"))
      assert.ok(
        report.warnings.some((w) => w.startsWith(`${c.file}: ignored`)),
        c.file,
      );
  });

  it("reads UTF-16 in both byte orders and drops a UTF-8 byte order mark", () => {
    assert.match(article("utf16le-bom.txt").title, /^旧市街の朝は/);
    assert.match(article("utf16be-bom.txt").title, /^구시가지의 아침은/);
    assert.match(article("utf8-bom.txt").title, /^Утро в старом городе/);
  });

  it("reads CRLF and lone-CR files into the same paragraphs as the LF original", () => {
    for (const [file, lang] of [
      ["crlf.txt", "nl"],
      ["lone-cr.txt", "sv"],
    ] as const) {
      const original = ingestDocument(`${lang}.txt`, utf8(source(lang)), { defaultLang: "en" });
      assert.ok(original.ok);
      assert.ok(article(file).body.length > 1, file);
      assert.deepEqual(article(file).body, original.doc.body, file);
    }
  });

  it("spells the URL of a title in capitals as that of the same title in lower case", () => {
    assert.equal(article("capitals.txt").title, "ЧТО ТАКОЕ ПЕКАРНЯ");
    assert.equal(article("capitals.txt").url, "/ru/chto-takoe-pekarnya/");
  });

  it("publishes the 5 MB document whole", () => {
    const bytes = cases.find((c) => c.file === "large-5mb.txt")!.bytes;
    const text = new TextDecoder().decode(bytes);
    const doc = article("large-5mb.txt");
    assert.ok(bytes.length >= 5 * 1024 * 1024);
    assert.equal(doc.wordCount, countWords(text, "fi"));
    assert.equal(doc.body.length, text.split("\n\n").length);
  });

  it("publishes a file full of control characters without them, and says how many it took out", () => {
    const doc = article("control-characters.txt");
    assert.equal(doc.title, CONTROL_TITLE_SHOWN);
    // eslint-disable-next-line no-control-regex -- what must be gone
    const control = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;
    assert.ok(!control.test(JSON.stringify(doc)), "no control character left anywhere in the article");
    assert.ok(doc.body.length > 2, "the form feed broke the text where it stood");
    assert.ok(report.warnings.some((w) => /^control-characters\.txt: \d+ control character\(s\) taken out \(U\+001B, /.test(w)));
  });

  it("publishes a single character with a warning that no language was found", () => {
    assert.equal(article("single-character.txt").title, "é");
    assert.ok(report.warnings.some((w) => w.startsWith("single-character.txt: language could not be detected")));
  });

  it("keeps markup as text: the title and body carry the characters, not elements", () => {
    const doc = article("all-markup.txt");
    assert.match(doc.title, /^<script>window\.__pwned/);
    assert.ok(
      doc.body.every((b) => "text" in b),
      "plain text blocks, escaped by the templates",
    );
    const md = article("all-markup.md")
      .body.map((b) => ("html" in b ? b.html : ""))
      .join("");
    assert.match(md, /&lt;script&gt;/);
    assert.doesNotMatch(md, /<script|<img|href="javascript:/i);
  });

  it("gives a second document with the same title in one language a numbered URL, and says so", () => {
    assert.equal(article("same-title/one.txt").slug, "il-forno-del-quartiere");
    assert.equal(article("same-title/two.txt").slug, "il-forno-del-quartiere-2");
    assert.ok(report.warnings.some((w) => w.startsWith('same-title/two.txt: slug "il-forno-del-quartiere" is taken')));
  });

  it("keeps file names with spaces, capitals and non-ASCII letters, and sub-folders, out of the URLs", () => {
    for (const file of ["My Notes From Lisbon.txt", "ÜBER Çay Ñandú.TXT", "sub/folder/nested.txt"]) {
      assert.match(article(file).url, /^\/[a-z]{2}\/[a-z0-9-]+\/$/, file);
    }
  });
});

describe("every entry of the documents folder accounted for", () => {
  const work = mkdtempSync(join(tmpdir(), "entries-"));
  const dir = join(work, "documents");
  mkdirSync(join(dir, ".git"), { recursive: true });
  writeFileSync(join(dir, ".git", "config"), "[core]\n");
  writeFileSync(join(dir, "en.txt"), source("en"));
  writeFileSync(join(dir, ".hidden.txt"), source("it"));
  writeFileSync(join(dir, "notes.pdf"), "%PDF-1.4");
  writeFileSync(join(work, "outside.txt"), source("pt"));
  symlinkSync(join(work, "outside.txt"), join(dir, "leaves.txt"));
  symlinkSync("loop.txt", join(dir, "loop.txt"));
  symlinkSync("missing.txt", join(dir, "dangling.txt"));
  symlinkSync("en.txt", join(dir, "alias.txt"));
  spawnSync("mkfifo", [join(dir, "pipe.txt")]);
  const model = buildSiteModel(loadSettings({ CONTENT_DIR: dir }));
  const outcome = (file: string) => model.report.documents.find((d) => d.file === file);
  const reason = (file: string) => {
    const o = outcome(file);
    return o && "reason" in o ? o.reason : `no reason for ${file}: ${JSON.stringify(o)}`;
  };

  it("publishes the one document once, and lists every other entry as ignored with its reason", () => {
    assert.deepEqual(
      model.articles.map((a) => a.file),
      ["en.txt"],
    );
    assert.deepEqual(
      model.report.documents.map((d) => [d.file, d.status]),
      [
        [".git/", "ignored"],
        [".hidden.txt", "ignored"],
        ["alias.txt", "ignored"],
        ["dangling.txt", "ignored"],
        ["en.txt", "published"],
        ["leaves.txt", "ignored"],
        ["loop.txt", "ignored"],
        ["notes.pdf", "ignored"],
        ["pipe.txt", "ignored"],
      ],
    );
    assert.equal(model.report.inputs, model.report.documents.length);
  });

  it("says a symbolic link to a document inside the folder is its alias, published once under the target's name", () => {
    assert.match(reason("alias.txt"), /symbolic link to en\.txt: published once, as en\.txt/);
  });

  it("names a link leaving the folder, a loop and a link to nothing for what they are", () => {
    assert.match(reason("leaves.txt"), /leaving the documents folder/);
    assert.match(reason("loop.txt"), /loop/);
    assert.match(reason("dangling.txt"), /does not exist/);
  });

  it("names hidden entries, files that are not documents and special files", () => {
    assert.match(reason(".hidden.txt"), /hidden file/);
    assert.match(reason(".git/"), /hidden folder/);
    assert.match(reason("notes.pdf"), /only \.txt and \.md/);
    assert.match(reason("pipe.txt"), /named pipe/);
  });
});

describe("a document that cannot be read", () => {
  it("is named with the reason when it was deleted after the folder was listed", () => {
    const dir = mkdtempSync(join(tmpdir(), "vanished-"));
    const r = readDocument(join(dir, "gone.txt"));
    assert.deepEqual(r, { ok: false, reason: "cannot be read: it no longer exists (deleted or renamed while the build was reading the folder)" });
  });

  it("is named with the reason when it is a folder after all", () => {
    const r = readDocument(mkdtempSync(join(tmpdir(), "a-folder-")));
    assert.deepEqual(r, { ok: false, reason: "cannot be read: it is a folder" });
  });
});

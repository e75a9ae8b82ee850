import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSiteModel, InputError, paginate, type Article } from "../../src/pipeline.ts";
import { loadSettings } from "../../src/settings.ts";
import { commitFolder } from "../fixtures/git.ts";
import { SEEDS_DIR } from "./helpers.ts";

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "docs-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
const modelOf = (dir: string) => buildSiteModel(loadSettings({ CONTENT_DIR: dir }));

describe("the site model of the seed collection", () => {
  const model = buildSiteModel(loadSettings({}));

  it("publishes all five seeds, two Spanish and one each in German, French and Indonesian", () => {
    assert.equal(model.report.inputs, 5);
    assert.equal(model.report.published, 5);
    assert.deepEqual(model.report.perLanguage, { de: 1, es: 2, fr: 1, id: 1 });
  });

  it("gives every article a URL under its language", () => {
    for (const a of model.articles) assert.match(a.url, new RegExp(`^/${a.lang}/[a-z0-9-]+/$`));
  });

  it("lists each language's articles on its home, and names the language in itself", () => {
    const es = model.homePages.find((h) => h.url === "/es/")!;
    assert.equal(es.name, "Español");
    assert.equal(es.articles.length, 2);
    assert.ok(es.articles.every((a) => a.lang === "es"));
  });

  it("reports every input document with what became of it", () => {
    assert.deepEqual(
      model.report.documents.map((d) => [d.file.slice(0, 3), d.status]),
      ["000", "001", "002", "003", "004"].map((p) => [p, "published"]),
    );
  });
});

describe("publishing another collection", () => {
  it("reads the folder named by CONTENT_DIR", () => {
    const dir = folder({ "one.txt": "Der Bäcker öffnet die Tür seines kleinen Ladens schon vor Sonnenaufgang." });
    const model = modelOf(dir);
    assert.equal(model.settings.contentPath, dir);
    assert.deepEqual(
      model.articles.map((a) => a.lang),
      ["de"],
    );
  });

  it("reads documents in sub-folders too", () => {
    const model = modelOf(folder({ "a/b/deep.txt": "Le boulanger ouvre la porte de sa petite boutique avant le lever du soleil." }));
    assert.deepEqual(
      model.report.documents.map((d) => [d.file, d.status]),
      [["a/b/deep.txt", "published"]],
    );
  });

  it("reports files that are not documents instead of dropping them silently", () => {
    const model = modelOf(folder({ "a.txt": "The baker opens the door of his small shop before sunrise.", "photo.jpg": "x" }));
    assert.deepEqual(model.report.documents.find((d) => d.file === "photo.jpg")?.status, "ignored");
    assert.match(model.report.warnings.join("\n"), /photo\.jpg: ignored/);
    assert.equal(model.report.inputs, 2);
  });

  it("keeps drafts out of the site and says so", () => {
    const model = modelOf(folder({ "d.md": "---\ndraft: true\n---\nThe baker opens the door of his small shop before sunrise.", "e.txt": "The fisherman mends his nets on the quay every evening." }));
    assert.deepEqual(
      model.articles.map((a) => a.file),
      ["e.txt"],
    );
    assert.equal(model.report.documents.find((d) => d.file === "d.md")?.status, "draft");
  });

  it("numbers a second document with the same slug in one language, and reports it", () => {
    const text = "The baker opens the door of his small shop before sunrise.";
    const model = modelOf(folder({ "a.txt": text, "b.txt": `${text}\n\nAnd then he sells bread all day long to everybody.` }));
    assert.deepEqual(model.articles.map((a) => a.slug).sort(), ["the-baker-opens-the-door-of-his-small-shop-before-sunrise", "the-baker-opens-the-door-of-his-small-shop-before-sunrise-2"]);
    assert.match(model.report.warnings.join("\n"), /b\.txt: slug ".*" is taken in "en"; published as ".*-2"/);
  });

  it("reports a low-confidence detection by file name", () => {
    const model = modelOf(folder({ "short.txt": "Seamus Phan" }));
    assert.match(model.report.warnings.join("\n"), /short\.txt: language detected as ".*" with low confidence/);
  });

  it("reports which page languages fall back for UI strings", () => {
    const model = modelOf(folder({ "sw.md": "---\nlang: sw\n---\nMwokaji hufungua mlango wa duka lake dogo kabla jua halijachomoza." }));
    assert.match(model.report.warnings.join("\n"), /UI strings for "sw" fall back to "en" \(sw → en\)/);
  });
});

describe("bad input", () => {
  it("names every bad file and its reason in one run", () => {
    const dir = folder({
      "empty.txt": "",
      "nul.txt": "abc\0def",
      "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]),
      "yaml.md": "---\ntitle: [x\n---\nText",
      "ok.txt": "The baker opens the door of his small shop before sunrise.",
    });
    assert.throws(
      () => modelOf(dir),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.deepEqual(
          error.problems.map((p) => p.file),
          ["empty.txt", "latin1.txt", "nul.txt", "yaml.md"],
        );
        assert.match(error.problems[1]!.reasons[0]!, /not valid UTF-8 \(byte 3\)/);
        return true;
      },
    );
  });
});

describe("dates", () => {
  it("takes a document's date from its first commit when it has none of its own", () => {
    const dir = folder({});
    for (const f of readdirSync(SEEDS_DIR).slice(0, 2)) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    commitFolder(dir, "2021-06-01T10:00:00+00:00");
    assert.deepEqual(
      modelOf(dir).articles.map((a) => a.date),
      ["2021-06-01", "2021-06-01"],
    );
  });

  it("sorts a language's articles newest first", () => {
    const dir = folder({
      "old.md": "---\ndate: 2020-01-01\n---\nThe baker opened the door of his small shop before sunrise.",
      "new.md": "---\ndate: 2024-01-01\n---\nThe baker opens the door of his new shop before sunrise today.",
    });
    assert.deepEqual(
      modelOf(dir).articles.map((a) => a.file),
      ["new.md", "old.md"],
    );
  });
});

describe("pagination of a language home", () => {
  const articles = Array.from({ length: 25 }, (_, i) => ({ url: `/es/${i}/` }) as Article);
  const pages = paginate({ lang: "es", dir: "ltr", name: "Español" }, articles, 10);

  it("splits into pages of the configured size", () => {
    assert.deepEqual(
      pages.map((p) => p.articles.length),
      [10, 10, 5],
    );
  });

  it("puts page 1 at the language root and later pages under /page/N/", () => {
    assert.deepEqual(
      pages.map((p) => p.url),
      ["/es/", "/es/page/2/", "/es/page/3/"],
    );
  });

  it("links each page to its neighbours", () => {
    assert.equal(pages[0]!.newer, undefined);
    assert.equal(pages[0]!.older, "/es/page/2/");
    assert.equal(pages[2]!.newer, "/es/page/2/");
    assert.equal(pages[2]!.older, undefined);
  });
});

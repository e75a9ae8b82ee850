import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { formatCopyright, parseCopyright } from "../../src/attribution/copyright.ts";
import { bioFor, loadAuthors, loadDocumentMeta, resolveAttribution, type Author } from "../../src/attribution/index.ts";
import { groupInputOf, groupTranslations } from "../../src/group/index.ts";
import { ingestDocument, type DocumentRecord } from "../../src/ingest/document.ts";
import { buildSiteModel } from "../../src/pipeline.ts";
import { serializeJsonLd } from "../../src/render/structured-data.ts";
import { loadSettings } from "../../src/settings.ts";
import { seed } from "./helpers.ts";

const seedDocs = (): DocumentRecord[] =>
  ["000", "001", "002", "003", "004"].map((p) => {
    const s = seed(p);
    const r = ingestDocument(s.file, s.bytes, { defaultLang: "en" });
    if (!r.ok) throw new Error(p);
    return r.doc;
  });
const seamus: Author = { id: "seamus-phan", name: "Seamus Phan", links: [], bio: { fr: "Bio FR", id: "Bio ID" } };

function resolveSeeds(meta = new Map()) {
  const docs = seedDocs();
  const groups = groupTranslations(docs.map(groupInputOf)).groups;
  const { byFile, problems } = resolveAttribution({ docs, groups, authors: new Map([["seamus-phan", seamus]]), meta, gitDates: new Map(docs.map((d) => [d.file, "2026-01-02"])) });
  return { byFile, problems, file: (p: string) => byFile.get(docs.find((d) => d.file.startsWith(p))!.file)! };
}

describe("© lines", () => {
  it("reads holder and years from the French seed's line, without «et coll.»", () => {
    assert.deepEqual(parseCopyright("Connectez-vous sur LinkedIn. © 1984-2020 Seamus Phan et coll. Tous les droits sont réservés."), {
      holder: "Seamus Phan",
      firstYear: 1984,
      lastYear: 2020,
      allRightsReserved: true,
    });
  });

  it("reads the Indonesian seed's line, without «dkk»", () => {
    assert.equal(parseCopyright("© 1984-2020 Seamus Phan dkk. Seluruh hak cipta.")?.holder, "Seamus Phan");
  });

  it("reads a single year and a holder with an ampersand", () => {
    assert.deepEqual(parseCopyright("Copyright 2019 McGallen & Bolden"), { holder: "McGallen & Bolden", firstYear: 2019, allRightsReserved: false });
  });

  it("writes the year range the way each language does", () => {
    const c = { holder: "Seamus Phan", firstYear: 1984, lastYear: 2020 };
    assert.equal(formatCopyright(c, "es"), "© 1984–2020 Seamus Phan");
    assert.equal(formatCopyright(c, "ja"), "© 1984年～2020年 Seamus Phan");
    assert.equal(formatCopyright(c, "fa"), "© ۱۹۸۴ تا ۲۰۲۰ Seamus Phan");
  });
});

describe("attribution follows the translation group", () => {
  it("recognizes Seamus Phan from the bio in 002 and 003 and gives all four translations his name", () => {
    const { file } = resolveSeeds();
    for (const p of ["000", "001", "002", "003"]) assert.equal(file(p).author?.id, "seamus-phan", p);
    assert.equal(file("002").authorFrom, "bio");
    assert.equal(file("000").authorFrom, "group");
  });

  it("gives all four the © line of 1984–2020 and all rights reserved", () => {
    const { file } = resolveSeeds();
    for (const p of ["000", "001", "002", "003"]) {
      assert.deepEqual(file(p).copyright, { holder: "Seamus Phan", firstYear: 1984, lastYear: 2020, allRightsReserved: true });
      assert.equal(file(p).license, "all-rights-reserved");
    }
  });

  it("shows the recognized bio from _data instead of the paragraph as written", () => {
    assert.deepEqual(resolveSeeds().file("002").shown, []);
  });

  it("invents no author for 004 and keeps its credits to show", () => {
    const a = resolveSeeds().file("004");
    assert.equal(a.author, undefined);
    assert.equal(a.copyright, undefined);
    assert.deepEqual(
      a.shown.map((s) => s.kind),
      ["credits"],
    );
  });

  it("lets a date stated for one member serve every translation without one", () => {
    const docs = seedDocs();
    const fr = docs.find((d) => d.file.startsWith("002"))!.file;
    const { file } = resolveSeeds(new Map([[fr, { date: "2020-05-01" }]]));
    for (const p of ["000", "001", "002", "003"]) assert.equal(file(p).date, "2020-05-01");
    assert.equal(file("004").date, "2026-01-02");
  });

  it("calls a stated date a publication date and a first commit only the day it was added", () => {
    const docs = seedDocs();
    const fr = docs.find((d) => d.file.startsWith("002"))!.file;
    const { file } = resolveSeeds(new Map([[fr, { date: "2020-05-01" }]]));
    for (const p of ["000", "001", "002", "003"]) assert.equal(file(p).dateKind, "published");
    assert.equal(file("004").dateKind, "added");
  });

  it("lets a member that names another author keep it", () => {
    const docs = seedDocs();
    const de = docs.find((d) => d.file.startsWith("001"))!.file;
    const other: Author = { id: "other", name: "Jane Roe", links: [], bio: {} };
    const groups = groupTranslations(docs.map((d) => ({ file: d.file, lang: d.lang, paragraphs: d.paragraphs, extra: [] }))).groups;
    const { byFile } = resolveAttribution({
      docs,
      groups,
      authors: new Map([
        ["seamus-phan", seamus],
        ["other", other],
      ]),
      meta: new Map([[de, { author: "other" }]]),
      gitDates: new Map(),
    });
    assert.equal(byFile.get(de)?.author?.id, "other");
  });

  it("reports an author id that _data/authors.json does not have", () => {
    const docs = seedDocs();
    const { problems } = resolveAttribution({ docs, groups: [], authors: new Map(), meta: new Map([[docs[0]!.file, { author: "ghost" }]]), gitDates: new Map() });
    assert.match(problems[0]!.reasons[0]!, /author "ghost" is not in _data\/authors\.json/);
  });
});

describe("bios per language", () => {
  it("uses the page's language when the author has a bio in it", () => {
    assert.deepEqual(bioFor(seamus, "fr", "en"), { text: "Bio FR", lang: "fr", fellBack: false });
  });

  it("falls back to another language, and says so", () => {
    assert.deepEqual(bioFor(seamus, "de", "en"), { text: "Bio FR", lang: "fr", fellBack: true });
  });

  it("reports a missing bio language in the build", () => {
    const dir = mkdtempSync(join(tmpdir(), "authors-"));
    writeFileSync(join(dir, "authors.json"), JSON.stringify({ "seamus-phan": { name: "Seamus Phan", bio: { fr: "Bio FR" } } }));
    const model = buildSiteModel(loadSettings({}), { authors: join(dir, "authors.json") });
    assert.match(model.report.warnings.join("\n"), /\/es\/.*: no "es" bio for Seamus Phan; shown in "fr"/);
  });
});

describe("_data files", () => {
  const write = (content: string) => {
    const f = join(mkdtempSync(join(tmpdir(), "data-")), "x.json");
    writeFileSync(f, content);
    return f;
  };

  it("validates authors and names the bad field", () => {
    assert.match(loadAuthors(write('{"Bad Id": {"name": "X"}}')).problems.join(), /author ids are lowercase/);
    assert.match(loadAuthors(write('{"x": {"name": ""}}')).problems.join(), /x\.name/);
  });

  it("validates per-document metadata", () => {
    assert.match(loadDocumentMeta(write('{"a.txt": {"date": "May 2020"}}')).problems.join(), /a\.txt\.date: must be a date/);
  });

  it("accepts only web addresses as a source's link", () => {
    assert.match(loadDocumentMeta(write('{"a.txt": {"sourceUrl": "javascript:alert(1)"}}')).problems.join(), /a\.txt\.sourceUrl/);
    assert.deepEqual(loadDocumentMeta(write('{"a.txt": {"sourceUrl": "https://example.org/a"}}')).problems, []);
  });

  it("stops the build when per-document metadata names a file that is not a document", () => {
    assert.throws(() => buildSiteModel(loadSettings({}), { documents: write('{"nope.txt": {"author": "seamus-phan"}}') }), /"nope\.txt" is not a document/);
  });

  it("renames a document whose title is overridden, slug included", () => {
    const file = seed("004").file;
    const model = buildSiteModel(loadSettings({}), { documents: write(JSON.stringify({ [file]: { title: "Clientes difíciles", source: "Pymes y Autónomos" } })) });
    const a = model.articles.find((x) => x.file === file)!;
    assert.equal(a.title, "Clientes difíciles");
    assert.equal(a.url, "/es/clientes-dificiles/");
    assert.equal(a.source, "Pymes y Autónomos");
  });

  it("gives a document the source address _data names, for its credit line to link", () => {
    const file = seed("004").file;
    const model = buildSiteModel(loadSettings({}), { documents: write(JSON.stringify({ [file]: { sourceUrl: "https://www.pymesyautonomos.com/" } })) });
    const a = model.articles.find((x) => x.file === file)!;
    assert.equal(a.sourceUrl, "https://www.pymesyautonomos.com/");
    assert.deepEqual(
      a.credits.map((c) => c.text),
      ["En Pymes y Autónomos | Quizá consigues un mal servicio porque eres un mal cliente Imagen | jm3"],
    );
  });
});

describe("JSON-LD", () => {
  it("escapes text so it can never close the script element", () => {
    const out = serializeJsonLd({ headline: "</script><script>alert(1)</script> & <!-- x" });
    assert.ok(!out.includes("<") && !out.includes(">") && !out.includes("&"), out);
    assert.deepEqual(JSON.parse(out), { headline: "</script><script>alert(1)</script> & <!-- x" });
  });

  it("links each seed translation to the others, matching its hreflang set", () => {
    const model = buildSiteModel(loadSettings({}));
    for (const a of model.articles.filter((x) => x.group)) {
      const ld = a.jsonLd as { "@id": string; translationOfWork?: { "@id": string }; workTranslation?: { "@id": string }[] };
      const linked = [ld["@id"], ld.translationOfWork?.["@id"], ...(ld.workTranslation ?? []).map((w) => w["@id"])].filter(Boolean).sort();
      assert.deepEqual(
        linked,
        a.hreflang
          .filter((l) => l.hreflang !== "x-default")
          .map((l) => l.href)
          .sort(),
        a.file,
      );
    }
  });
});

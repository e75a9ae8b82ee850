import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ingestDocument, type DocumentRecord } from "../../src/ingest/document.ts";
import { LANGUAGES_DIR, seed, utf8 } from "./helpers.ts";

function ingest(file: string, bytes: Uint8Array): DocumentRecord {
  const result = ingestDocument(file, bytes, { defaultLang: "en" });
  if (!result.ok) throw new Error(result.reasons.join("; "));
  return result.doc;
}
const ingestSeed = (prefix: string) => {
  const s = seed(prefix);
  return ingest(s.file, s.bytes);
};

describe("a document record from each seed", () => {
  it("gives the Spanish seed its language, a title from its first sentence and an ASCII slug", () => {
    const doc = ingestSeed("000");
    assert.equal(doc.lang, "es");
    assert.equal(doc.langSource, "detected");
    assert.equal(doc.dir, "ltr");
    assert.equal(doc.title, "Parece ridículo que una empresa demande a sus clientes que pagan, ya que los clientes pagan las facturas y garantizan la supervivencia de una empresa");
    assert.equal(doc.titleSource, "first-sentence");
    assert.equal(doc.slug, "parece-ridiculo-que-una-empresa-demande-a-sus-clientes-que");
  });

  it("makes the whole opening sentence the heading, never cut, and starts the body after it", () => {
    const doc = ingestSeed("001");
    assert.ok(!doc.title.includes("…"), doc.title);
    assert.match(doc.title, /sichern$/);
    const first = doc.body[0];
    assert.ok(first && "text" in first && first.text.startsWith("Es gab eine Geschichte"), JSON.stringify(first));
    assert.ok(!doc.body.some((b) => "text" in b && b.text.includes("Es erscheint lächerlich")), "the heading is not printed again");
  });

  it("shortens the title for <title> at a clause when one falls in reach", () => {
    assert.equal(ingestSeed("000").shortTitle, "Parece ridículo que una empresa demande a sus clientes que pagan");
  });

  it("goes on after the heading within the first paragraph when it holds more sentences", () => {
    const r = ingestDocument("a.txt", new TextEncoder().encode("The baker opens his shop before sunrise. He sells bread all day long to everybody.\n\nIn the evening he sleeps."), {
      defaultLang: "en",
    });
    assert.ok(r.ok);
    assert.equal(r.ok && r.doc.title, "The baker opens his shop before sunrise");
    assert.deepEqual(r.ok && r.doc.body.map((b) => ("text" in b ? b.text : "")), ["He sells bread all day long to everybody.", "In the evening he sleeps."]);
  });

  it("transliterates the German title's umlaut in the slug", () => {
    assert.match(ingestSeed("001").slug, /^es-erscheint-laecherlich-/);
  });

  it("writes the French text with French quotation marks", () => {
    const doc = ingestSeed("002");
    const text = doc.body.map((b) => ("text" in b ? b.text : "")).join("\n");
    assert.match(text, /«\u202Fcesser et de s’abstenir\u202F»/u);
    assert.doesNotMatch(text, /«cesser/);
  });

  it("describes the page by what follows the title, not by repeating it", () => {
    const doc = ingestSeed("000");
    assert.match(doc.description, /^Hubo una historia sobre un cliente/);
  });

  it("describes a manual page from its first paragraph of prose, not its headings or synopsis", () => {
    const doc = ingest("man-prerm-en.txt", readFileSync(join(LANGUAGES_DIR, "../real/man-prerm-en.txt")));
    assert.equal(doc.title, "deb-prerm - package pre-removal maintainer script");
    assert.match(doc.description, /^A package can perform several pre-removal actions/);
  });

  it("ends a derived title without a full stop", () => {
    const doc = ingest("t.txt", utf8("El panadero abre temprano.\n\nY los vecinos hacen cola en la puerta cada mañana."));
    assert.equal(doc.title, "El panadero abre temprano");
  });

  it("describes a page in at most 160 characters", () => {
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const doc = ingestSeed(prefix);
      assert.ok([...doc.description].length <= 161, `${prefix}: ${doc.description}`);
      assert.ok(doc.description.length > 60);
    }
  });

  it("counts words and reading time", () => {
    const doc = ingestSeed("000");
    assert.ok(doc.wordCount > 350 && doc.wordCount < 450, String(doc.wordCount));
    assert.equal(doc.readingMinutes, 2);
  });

  it("keeps the hash of the bytes, for caching and stable fallbacks", () => {
    assert.match(ingestSeed("004").contentHash, /^[0-9a-f]{16}$/);
  });
});

describe("plain text is text", () => {
  it("keeps markup in a .txt document as characters, never as HTML blocks", () => {
    const doc = ingest("x.txt", utf8("Un párrafo con <script>alert(1)</script> y &amp; dentro, bastante largo para detectar."));
    assert.deepEqual(
      doc.body.map((b) => b.type),
      ["paragraph"],
    );
    assert.match("text" in doc.body[0]! ? doc.body[0]!.text : "", /<script>alert\(1\)<\/script> y &amp; dentro/);
  });

  it("does not read front matter in a .txt document", () => {
    const doc = ingest("x.txt", utf8("---\nlang: de\n---\nEste texto está escrito en español y tiene guiones arriba."));
    assert.equal(doc.lang, "es");
  });
});

describe("markdown documents", () => {
  const md = readFileSync(join(LANGUAGES_DIR, "pt-BR.md"));

  it("lets front matter lang, title, slug and date win over what the text suggests", () => {
    const doc = ingest("pt-BR.md", md);
    assert.equal(doc.lang, "pt-BR");
    assert.equal(doc.langSource, "front-matter");
    assert.equal(doc.detection, undefined);
    assert.equal(doc.title, "Padarias de bairro e a arte da paciência");
    assert.equal(doc.slug, "padarias-de-bairro");
    assert.equal(doc.slugFixed, true);
    assert.equal(doc.date, "2024-03-05");
  });

  it("renders markdown with raw HTML shown as text", () => {
    const doc = ingest("pt-BR.md", md);
    const html = doc.body[0]!.type === "html" ? doc.body[0]!.html : "";
    assert.match(html, /<h2>O segredo é o tempo<\/h2>/);
    assert.match(html, /<em>entende<\/em>/);
    assert.match(html, /<code>&lt;script&gt;alert\(&quot;oi&quot;\)&lt;\/script&gt;<\/code>/);
    assert.doesNotMatch(html, /<script>/);
  });

  it("takes a leading # heading as the title", () => {
    const doc = ingest("a.md", utf8("# Bread and patience\n\nThe baker opens the door before sunrise, every single day."));
    assert.equal(doc.title, "Bread and patience");
    assert.equal(doc.titleSource, "first-line");
  });

  it("marks drafts", () => {
    assert.equal(ingest("a.md", utf8("---\ndraft: true\n---\nThe baker opens the door before sunrise.")).draft, true);
  });

  it("reports invalid front matter instead of a record", () => {
    const result = ingestDocument("bad.md", utf8("---\ntitle: [x\n---\nText"), { defaultLang: "en" });
    assert.equal(result.ok, false);
  });
});

describe("documents in other scripts", () => {
  it("publishes Arabic right to left, with a slug in its own letters", () => {
    const doc = ingest("ar.txt", readFileSync(join(LANGUAGES_DIR, "ar.txt")));
    assert.equal(doc.lang, "ar");
    assert.equal(doc.dir, "rtl");
    assert.equal(doc.slug, "يبدأ-صباح-المدينة-القديمة-برائحة-الخبز");
    assert.ok(doc.body.some((b) => b.type === "heading" && b.text === "لماذا يعود الناس كل يوم؟"));
  });

  it("gives Japanese a title cut between words and a reading time", () => {
    const doc = ingest("ja.txt", readFileSync(join(LANGUAGES_DIR, "ja.txt")));
    assert.equal(doc.lang, "ja");
    assert.ok([...doc.title].length <= 71);
    assert.ok(doc.readingMinutes >= 1);
  });

  it("falls back to the default language when nothing can be detected", () => {
    const doc = ingest("n.txt", utf8("1984 2020 42"));
    assert.equal(doc.lang, "en");
    assert.equal(doc.langSource, "default");
  });
});

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runBuild, SEEDS_DIR, siteFingerprint } from "../unit/helpers.ts";

function build(out: string, env: Record<string, string> = {}): void {
  const run = runBuild({ OUTPUT_DIR: join(out, "site"), REPORT_FILE: join(out, "report.json"), ...env });
  assert.equal(run.status, 0, run.stderr);
}

describe("reproducible builds", () => {
  it("builds the same input twice into byte-identical output, search bundles and report included", () => {
    const a = mkdtempSync(join(tmpdir(), "build-a-"));
    const b = mkdtempSync(join(tmpdir(), "build-b-"));
    build(a);
    build(b);
    const first = siteFingerprint(join(a, "site"));
    assert.ok(
      Object.keys(first).some((f) => f.startsWith("pagefind/")),
      "the search bundles are compared too",
    );
    assert.deepEqual(siteFingerprint(join(b, "site")), first);
    assert.equal(readFileSync(join(b, "report.json"), "utf8"), readFileSync(join(a, "report.json"), "utf8"));

    // The same comparison tells apart a build whose input differs by one word, in pages and bundles.
    const changed = mkdtempSync(join(tmpdir(), "changed-docs-"));
    cpSync(SEEDS_DIR, changed, { recursive: true });
    const file = readdirSync(changed).find((f) => f.startsWith("002"))!;
    writeFileSync(join(changed, file), readFileSync(join(changed, file), "utf8").replace("ridicule", "absurde"));
    const c = mkdtempSync(join(tmpdir(), "build-c-"));
    build(c, { CONTENT_DIR: changed });
    const third = siteFingerprint(join(c, "site"));
    const differ = Object.keys(first).filter((f) => first[f] !== third[f]);
    assert.ok(
      differ.some((f) => f.startsWith("fr/") && f.endsWith(".html")),
      "the French article differs",
    );
    assert.ok(
      differ.some((f) => f.startsWith("pagefind/fr/")),
      "the French search bundle differs",
    );
  });
});

describe("the same output on any machine", () => {
  const LATIN =
    "---\nlang: la\n---\nGallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, tertiam qui ipsorum lingua Celtae, nostra Galli appellantur. Hi omnes lingua, institutis, legibus inter se differunt.\n\nGallos ab Aquitanis Garumna flumen, a Belgis Matrona et Sequana dividit. Horum omnium fortissimi sunt Belgae, propterea quod a cultu atque humanitate provinciae longissime absunt.\n\n© 2020–2024 Gaius Iulius\n";
  /** The seeds and a Latin page (a language ICU has no data for), written in the given order. */
  function collection(order: "forward" | "backward"): string {
    const dir = mkdtempSync(join(tmpdir(), `locale-docs-${order}-`));
    const files = [...readdirSync(SEEDS_DIR).map((f) => [f, readFileSync(join(SEEDS_DIR, f), "utf8")] as const), ["la.md", LATIN] as const];
    for (const [f, text] of order === "forward" ? files : files.reverse()) writeFileSync(join(dir, f), text);
    return dir;
  }

  it("builds byte-identical pages under two locales and time zones, from folders at different paths written in different orders", () => {
    const a = mkdtempSync(join(tmpdir(), "locale-a-"));
    const b = mkdtempSync(join(tmpdir(), "locale-b-"));
    build(a, { CONTENT_DIR: collection("forward"), LANG: "C", LC_ALL: "C", TZ: "UTC" });
    build(b, { CONTENT_DIR: collection("backward"), LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", TZ: "Pacific/Kiritimati" });
    const first = siteFingerprint(join(a, "site"));
    assert.ok(
      Object.keys(first).some((f) => f.startsWith("la/")),
      "the Latin page is built",
    );
    const second = siteFingerprint(join(b, "site"));
    assert.deepEqual(
      Object.keys(first).filter((f) => first[f] !== second[f]),
      [],
    );
    assert.deepEqual(Object.keys(second), Object.keys(first));
  });
});

describe("atomic output", () => {
  it("leaves the last good site untouched when a build fails", () => {
    const out = mkdtempSync(join(tmpdir(), "atomic-"));
    build(out);
    const before = siteFingerprint(join(out, "site"));
    const bad = mkdtempSync(join(tmpdir(), "bad-docs-"));
    writeFileSync(join(bad, "empty.txt"), "");
    const run = runBuild({ CONTENT_DIR: bad, OUTPUT_DIR: join(out, "site"), REPORT_FILE: join(out, "report.json") });
    assert.equal(run.status, 1);
    assert.deepEqual(siteFingerprint(join(out, "site")), before);
  });
});

/**
 * A development corpus of real published translations that nobody on this project wrote: Debian's
 * documentation packages, translated by volunteer teams, cut into documents the way a blog would
 * have them (one chapter or section each), with the true groups taken from the package structure
 * (the same section file in another language's folder). Fetched with `apt-get download`; nothing is
 * installed. Debian's manpages-l10n translations are left alone: they are kept for an independent check.
 *
 * Usage: npx tsx scripts/real-corpus.ts [out-dir]   (default .cache/real-corpus)
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse, type HTMLElement, type Node } from "node-html-parser";
import { PROJECT_ROOT } from "../src/settings.ts";
import { byCodePoint, random } from "./corpus.ts";

export const REAL_CORPUS_DIR = join(PROJECT_ROOT, ".cache/real-corpus");
const DEBS_DIR = join(PROJECT_ROOT, ".cache/debs");

/** One manual: its packages, where each language's pages lie once unpacked, and how many sections to take. */
interface Manual {
  name: string;
  packages: string[];
  /** Language code → folder of HTML pages, relative to the unpacked tree. */
  folders: () => Map<string, string>;
  /** Section files in a folder (the same name in every language). */
  sections: (folder: string) => string[];
  take: number;
  /** Where a section's page lies in a language's folder, when not as pageFile finds it. */
  file?: (folder: string, section: string) => string;
  /** A page's text (HTML pages by default); `anchor` names one section of it. */
  read?: (file: string, anchor?: string) => string;
}

const unpacked = join(DEBS_DIR, "root");
const doc = (...p: string[]) => join(unpacked, "usr/share/doc", ...p);
const help = (...p: string[]) => join(unpacked, "usr/share/help", ...p);
const listDirs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : [];
const htmlFiles = (dir: string, pattern = /\.html$/) =>
  readdirSync(dir)
    .filter((f) => pattern.test(f) && !/^(index|ix01|bi01|go01)\b/.test(f))
    .sort(byCodePoint);

/** Languages that one detector cannot tell apart are kept once: Traditional Chinese and Brazilian Portuguese go. */
const LANG = (code: string) => ({ zh_CN: "zh", "zh-CN": "zh", "zh-cn": "zh", "pt-BR": "pt" })[code] ?? code.split(/[-_]/)[0]!.toLowerCase();
const SKIP_LANGS = new Set(["zh_TW", "zh-TW", "zh-tw", "pt_BR", "pt-BR"]);

const MANUALS: Manual[] = [
  {
    name: "installation-guide",
    packages: ["installation-guide-amd64"],
    folders: () =>
      new Map(
        listDirs(doc("installation-guide-amd64"))
          .filter((l) => !SKIP_LANGS.has(l))
          .map((l) => [LANG(l), doc("installation-guide-amd64", l)]),
      ),
    sections: (dir) => htmlFiles(dir),
    take: 30,
  },
  {
    name: "debian-handbook",
    packages: ["debian-handbook"],
    folders: () =>
      new Map(
        listDirs(doc("debian-handbook/html"))
          .filter((l) => !SKIP_LANGS.has(l) && l !== "pt-BR")
          .map((l) => [LANG(l), doc("debian-handbook/html", l)]),
      ),
    sections: (dir) => htmlFiles(dir, /^sect\..*\.html$/),
    take: 34,
  },
  {
    name: "maint-guide",
    packages: ["maint-guide", ...["de", "es", "fr", "it", "ja", "ru", "vi", "zh-cn"].map((l) => `maint-guide-${l}`)],
    folders: () =>
      new Map(["maint-guide", ...listDirs(doc()).filter((d) => d.startsWith("maint-guide-"))].map((d) => [d === "maint-guide" ? "en" : LANG(d.slice("maint-guide-".length)), doc(d, "html")])),
    sections: (dir) => htmlFiles(dir).map((f) => f.replace(/\.[\w-]+\.html$/, "")),
    take: 8,
  },
  {
    name: "debian-faq",
    packages: ["debian-faq", ...["de", "fr", "it", "ja", "ru", "zh-cn"].map((l) => `debian-faq-${l}`)],
    folders: () =>
      new Map([
        ["en", doc("debian/FAQ")],
        ...listDirs(doc("debian/FAQ"))
          .filter((l) => l !== "images")
          .map((l): [string, string] => [LANG(l), doc("debian/FAQ", l)]),
      ]),
    sections: (dir) => [...new Set(htmlFiles(dir).map((f) => f.replace(/(?:\.[\w-]+)?\.html$/, "")))],
    take: 14,
  },
  {
    // Manual pages translated by each package's own team with po4a (not manpages-l10n).
    name: "manpages",
    packages: ["dpkg", "dpkg-dev", "apt", "debconf", "adduser"],
    folders: () =>
      new Map([
        ["en", doc("../man")],
        ...listDirs(doc("../man"))
          .filter((l) => !/^man\d$/.test(l))
          .map((l): [string, string] => [LANG(l), doc("../man", l)]),
      ]),
    sections: (dir) =>
      ["man1", "man5", "man7", "man8"].flatMap((m) =>
        existsSync(join(dir, m))
          ? readdirSync(join(dir, m))
              .filter((f) => f.endsWith(".gz"))
              .sort(byCodePoint)
              .map((f) => `${m}/${f}`)
          : [],
      ),
    take: 36,
    read: manText,
  },
  {
    // Chapters are books: one second-level section each. Every language's pages share one
    // folder (ch02.de.html); a language's "folder" here is that folder and its suffix.
    name: "debian-reference",
    packages: ["en", "de", "es", "fr", "id", "it", "ja", "pt", "zh-cn"].map((l) => `debian-reference-${l}`),
    folders: () => new Map(["en", "de", "es", "fr", "id", "it", "ja", "pt", "zh-cn"].map((l) => [LANG(l), join(unpacked, "usr/share/debian-reference", l)])),
    sections: (folder) =>
      htmlFiles(dirname(folder), new RegExp(`^(?:ch|ap)\\w+\\.${basename(folder)}\\.html$`)).flatMap((f) =>
        sectionIds(join(dirname(folder), f), /<h2 class="title"[^>]*><a id="([^"]+)"/g).map((id) => `${f.split(".")[0]}#${id}`),
      ),
    file: (folder, section) => join(dirname(folder), `${section}.${basename(folder)}.html`),
    take: 24,
  },
  {
    name: "developers-reference",
    packages: ["developers-reference", ...["de", "fr", "it", "ja", "ru"].map((l) => `developers-reference-${l}`)],
    folders: () =>
      new Map([["en", join(unpacked, "usr/share/developers-reference")], ...["de", "fr", "it", "ja", "ru"].map((l): [string, string] => [l, join(unpacked, "usr/share/developers-reference", l)])]),
    sections: (dir) =>
      htmlFiles(dir)
        .filter((f) => !/^(search|developers-reference)\.html$/.test(f))
        .flatMap((f) => sectionIds(join(dir, f), /<section id="([^"]+)">\s*<h2>/g).map((id) => `${f}#${id}`)),
    take: 16,
  },
  {
    // GNOME's desktop help, Mallard pages translated by GNOME's language teams: short task pages in
    // 40 languages, Hebrew, Hindi, Tamil and Persian among them, often partly left in English.
    name: "gnome-help",
    packages: ["gnome-user-docs"],
    folders: () =>
      new Map(
        listDirs(help())
          .filter((l) => !l.includes("@") && !SKIP_LANGS.has(l) && existsSync(help(l, "gnome-help")))
          .map((l) => [l === "C" ? "en" : LANG(l), help(l, "gnome-help")]),
      ),
    sections: (dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".page"))
        .sort(byCodePoint),
    take: 80,
    read: mallardText,
  },
  {
    name: "aptitude",
    packages: ["en", "cs", "es", "fi", "fr", "it", "ja", "nl", "ru"].map((l) => `aptitude-doc-${l}`),
    folders: () => new Map(listDirs(doc("aptitude/html")).map((l) => [LANG(l), doc("aptitude/html", l)])),
    sections: (dir) => htmlFiles(dir, /^ch\d+s\d+\.html$/),
    take: 14,
  },
];

let groffChecked = false;
/** groff renders the manual pages; Debian's groff-base is installed when it is missing. */
function ensureGroff(): void {
  if (groffChecked) return;
  try {
    execFileSync("groff", ["--version"], { stdio: "ignore" });
  } catch {
    console.error("groff is missing: installing Debian's groff-base to render the manual pages");
    execFileSync("apt-get", ["install", "-y", "-qq", "groff-base"], { stdio: "inherit" });
  }
  groffChecked = true;
}

/** A manual page as `man` shows it, without the running header and footer. */
export function manText(file: string): string {
  ensureGroff();
  const roff = execFileSync("zcat", [file]);
  const out = execFileSync("groff", ["-k", "-man", "-Tutf8", "-P-cbou", "-rLL=3000n", "-rHY=0"], { input: roff, stdio: ["pipe", "pipe", "ignore"] }).toString("utf8");
  const lines = out.split("\n").map((l) => l.trim());
  return lines
    .slice(1, -2)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The anchors of a page's sections, as a pattern finds them. */
function sectionIds(file: string, pattern: RegExp): string[] {
  return [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1]!);
}

/** The page file of a section in one language's folder (maint-guide and the FAQ put the language in the name). */
function pageFile(folder: string, sectionAndAnchor: string): string | undefined {
  const section = sectionAndAnchor.split("#")[0]!;
  // A link is another name for a page already there (delgroup → deluser): one section, not two.
  if (/\.(?:html|gz|page)$/.test(section)) return existsSync(join(folder, section)) && !lstatSync(join(folder, section)).isSymbolicLink() ? join(folder, section) : undefined;
  const found = readdirSync(folder)
    .sort(byCodePoint)
    .find((f) => f.startsWith(`${section}.`) && f.endsWith(".html") && /^[\w-]+(?:\.[\w-]+)?\.html$/.test(f));
  return found ? join(folder, found) : undefined;
}

function fetchPackages(manuals: readonly Manual[]): void {
  const all = manuals.flatMap((m) => m.packages);
  mkdirSync(DEBS_DIR, { recursive: true });
  const missing = all.filter((p) => !readdirSync(DEBS_DIR).some((f) => f.startsWith(`${p}_`)));
  if (missing.length) {
    const download = () => execFileSync("apt-get", ["download", ...missing], { cwd: DEBS_DIR, stdio: "inherit" });
    try {
      download();
    } catch {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      download();
    }
  }
  // Unpacked again whenever the set of packages changed.
  const debs = readdirSync(DEBS_DIR)
    .filter((f) => f.endsWith(".deb"))
    .sort(byCodePoint);
  const stamp = join(unpacked, ".packages");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== debs.join("\n")) {
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    for (const f of debs) execFileSync("dpkg-deb", ["-x", join(DEBS_DIR, f), unpacked]);
    writeFileSync(stamp, debs.join("\n"));
  }
}

const BLOCK = new Set([
  "div",
  "p",
  "pre",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "section",
  "body",
  "hr",
  "figure",
  "caption",
]);
const DROP = ".navheader, .navfooter, .toc, .docnav, #banner, #title, script, style, .indexterm, .footnotes, .list-of-tables, .list-of-figures, .mediaobject, #site_footer";

const isElement = (n: Node): n is HTMLElement => n.nodeType === 1;
const clean = (s: string) => s.replace(/[ \t\r\n\u00a0]+/g, " ").trim();

/** The page's text as a blog would hold it: one paragraph per block, code kept line by line, section numbers dropped. */
export function pageText(html: string, anchor?: string): string {
  const root = parse(html, { blockTextElements: { pre: true, script: false, style: false } });
  for (const el of root.querySelectorAll(DROP)) el.remove();
  // One section of a long page: DocBook's div.section around the title's anchor, Sphinx's section.
  const target = anchor ? root.querySelector(`[id="${anchor}"]`) : undefined;
  if (anchor && !target) return "";
  const body = target ? (target.closest("div.section, section") ?? target) : (root.querySelector("body") ?? root);
  const out: string[] = [];
  const walk = (el: HTMLElement) => {
    const tag = el.rawTagName?.toLowerCase() ?? "";
    if (tag === "pre") {
      const code = el.text
        .replace(/\r/g, "")
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim())
        .join("\n");
      if (code) out.push(code);
      return;
    }
    const blockChildren = el.childNodes.some((c) => isElement(c) && BLOCK.has(c.rawTagName?.toLowerCase() ?? ""));
    if (!blockChildren) {
      let text = clean(el.text);
      if (/^h[1-6]$/.test(tag) || el.classNames.includes("title"))
        text = text.replace(/^(?:[A-Z]\.|\d+\.)(?:\d+\.)*\s+/, "").replace(/^(?:Chapter|Capítulo|Chapitre|Kapitel|Глава|Capitolo|Hoofdstuk)\s+\d+\.\s*/u, "");
      if (/\p{L}|\p{N}/u.test(text)) out.push(text);
      return;
    }
    for (const c of el.childNodes) {
      if (isElement(c)) walk(c);
      else if (clean(c.text)) out.push(clean(c.text));
    }
  };
  walk(body);
  return out.join("\n\n");
}

/** Mallard elements that are not the page's text: metadata, media, timed captions, link lists. */
const MALLARD_DROP = "info, media, comment, links, its\\:rules, uix\\:thumb, tt\\:tt, desc";
const MALLARD_BLOCK = new Set([
  "p",
  "title",
  "subtitle",
  "item",
  "td",
  "th",
  "code",
  "screen",
  "note",
  "section",
  "steps",
  "list",
  "terms",
  "table",
  "tr",
  "example",
  "figure",
  "div",
  "tree",
  "synopsis",
]);
const titles = new Map<string, string>();

/** The title a page gives itself: what an empty `<link xref>` shows in its place. */
function mallardTitle(folder: string, id: string): string {
  const file = join(folder, `${id.split("#")[0]}.page`);
  if (!titles.has(file)) titles.set(file, existsSync(file) ? clean(parse(readFileSync(file, "utf8")).querySelector("page > title")?.text ?? "") : "");
  return titles.get(file) ?? "";
}

/** A Mallard help page as yelp shows it: one paragraph per block, keys joined by "+", empty links as their target's title. */
export function mallardText(file: string): string {
  // HTML parsers close <link> and <input> at once (void elements in HTML): Mallard's hold text.
  const xml = readFileSync(file, "utf8").replace(/<(\/?)(link|input)\b/g, "<$1m-$2");
  const root = parse(xml, { blockTextElements: { screen: true, code: true } });
  for (const el of root.querySelectorAll(MALLARD_DROP)) el.remove();
  // Of the variants a page offers for different desktops, the one shown when no condition holds.
  for (const choose of root.querySelectorAll("if\\:choose")) {
    const shown = choose.childNodes.filter(isElement).at(-1);
    choose.replaceWith(shown?.rawTagName === "if:else" ? shown.innerHTML : "");
  }
  for (const link of root.querySelectorAll("m-link[xref]")) if (!clean(link.text)) link.replaceWith(mallardTitle(dirname(file), link.getAttribute("xref") ?? ""));
  for (const seq of root.querySelectorAll("keyseq"))
    seq.replaceWith(
      seq
        .querySelectorAll("key")
        .map((k) => k.text)
        .join("+"),
    );
  const out: string[] = [];
  const walk = (el: HTMLElement) => {
    const tag = el.rawTagName ?? "";
    if (tag === "screen" || tag === "code") {
      const code = el.text
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim())
        .join("\n");
      if (code && (tag === "screen" || !el.parentNode?.rawTagName || MALLARD_BLOCK.has(el.parentNode.rawTagName))) out.push(code);
      if (tag === "screen" || code) return;
    }
    if (!el.childNodes.some((c) => isElement(c) && MALLARD_BLOCK.has(c.rawTagName ?? ""))) {
      const text = clean(el.text);
      if (/\p{L}|\p{N}/u.test(text)) out.push(text);
      return;
    }
    for (const c of el.childNodes) {
      if (isElement(c)) walk(c);
      else if (clean(c.text)) out.push(clean(c.text));
    }
  };
  walk(root.querySelector("page") ?? root);
  return out.join("\n\n");
}

export interface RealDocument {
  file: string;
  lang: string;
  group: string;
  manual: string;
  section: string;
}

/** Share of a translation's characters in paragraphs copied verbatim from the English original. */
function untranslatedShare(text: string, english: Set<string>): number {
  const paragraphs = text.split("\n\n");
  const total = paragraphs.reduce((s, p) => s + p.length, 0);
  // Code and one-word lines are the same in every language; only prose left in English counts.
  const copied = paragraphs.filter((p) => english.has(p) && /\p{L}{3,}(?:\s+\p{L}{2,}){4}/u.test(p)).reduce((s, p) => s + p.length, 0);
  return total ? copied / total : 1;
}

/**
 * Picks sections and, for each, a subset of its languages, so groups run from 1 to 20+ members;
 * a translation that is mostly English copied (the package shipped the original) is left out.
 */
export function makeRealCorpus(outDir = REAL_CORPUS_DIR, only?: readonly string[]): RealDocument[] {
  const manuals = MANUALS.filter((m) => !only || only.includes(m.name));
  fetchPackages(manuals);
  const rand = random(20261124);
  const docs: { text: string; lang: string; group: string; manual: string; section: string }[] = [];
  const sizes = [1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 14, 40];
  for (const manual of manuals) {
    const folders = manual.folders();
    const en = folders.get("en");
    if (!en) throw new Error(`${manual.name}: no English folder`);
    const readPage = manual.read ?? ((file: string, anchor?: string) => pageText(readFileSync(file, "utf8"), anchor));
    const read = (file: string, section: string) => readPage(file, section.split("#")[1]);
    const fileOf = (folder: string, section: string) => {
      if (!manual.file) return pageFile(folder, section);
      const file = manual.file(folder, section.split("#")[0]!);
      return existsSync(file) ? file : undefined;
    };
    const sections = manual.sections(en).filter((s) => {
      const file = fileOf(en, s);
      const length = file ? read(file, s).length : 0;
      return length >= 400 && length <= 40_000; // an article, not a table of contents or a book
    });
    const chosen = [...sections]
      .sort(() => rand() - 0.5)
      .slice(0, manual.take)
      .sort(byCodePoint);
    for (const section of chosen) {
      const enFile = fileOf(en, section);
      if (!enFile) continue;
      const english = new Set(read(enFile, section).split("\n\n"));
      const available: { lang: string; text: string }[] = [];
      for (const [lang, folder] of [...folders].sort(([a], [b]) => byCodePoint(a, b))) {
        const file = fileOf(folder, section);
        if (!file) continue;
        const text = read(file, section);
        if (text.length < 200 || (lang !== "en" && untranslatedShare(text, english) > 0.5)) continue;
        available.push({ lang, text });
      }
      const size = sizes[Math.floor(rand() * sizes.length)]!;
      const picked = [...available].sort(() => rand() - 0.5).slice(0, size);
      for (const p of picked) docs.push({ ...p, group: `${manual.name}/${section}`, manual: manual.name, section });
    }
  }
  // The seeds too: 000–003 one article, 004 alone.
  const seeds = join(PROJECT_ROOT, "content");
  for (const f of readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort(byCodePoint)) {
    const lang = ["es", "de", "fr", "id", "es"][Number(f.slice(0, 3))] ?? "und";
    docs.push({ text: readFileSync(join(seeds, f), "utf8"), lang, group: f.startsWith("004") ? "seeds/004" : "seeds/article", manual: "seeds", section: f });
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "documents"), { recursive: true });
  // Hashed names in a shuffled order, as the publisher's are: nothing in a name tells language or group.
  const order = docs.map((_, i) => i).sort(() => rand() - 0.5);
  const out: RealDocument[] = order.map((i, k) => {
    const d = docs[i]!;
    const file = `${String(k).padStart(4, "0")}_${createHash("sha256").update(d.text).digest("hex").slice(0, 16)}.txt`;
    writeFileSync(join(outDir, "documents", file), d.text + "\n");
    return { file, lang: d.lang, group: d.group, manual: d.manual, section: d.section };
  });
  writeFileSync(join(outDir, "truth.json"), JSON.stringify(out, null, 1) + "\n");
  writeFileSync(join(outDir, "recipe"), only ? "" : RECIPE);
  return out;
}

/** This script's own text: a corpus made by another version of it is made again. */
const RECIPE = createHash("sha256")
  .update(readFileSync(new URL(import.meta.url)))
  .digest("hex")
  .slice(0, 16);

export function readRealCorpus(dir = REAL_CORPUS_DIR): { dir: string; truth: RealDocument[] } {
  const stamp = join(dir, "recipe");
  if (!existsSync(join(dir, "truth.json")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== RECIPE) makeRealCorpus(dir);
  return { dir: join(dir, "documents"), truth: JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as RealDocument[] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const docs = makeRealCorpus(process.argv[2] ?? REAL_CORPUS_DIR);
  const groups = new Map<string, number>();
  for (const d of docs) groups.set(d.group, (groups.get(d.group) ?? 0) + 1);
  const langs = new Set(docs.map((d) => d.lang));
  const sizes = [...groups.values()];
  console.log(
    `${docs.length} documents in ${langs.size} languages (${[...langs].sort().join(", ")}); ${groups.size} groups: ${sizes.filter((s) => s === 1).length} single, largest ${Math.max(...sizes)}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/**
 * `npm run bench:compare [-- N …]` (default 1000 10000): the same documents built by this project
 * and by the setup a user would pick instead — Hugo (Debian's package, installed by this script when
 * missing), handed each document's language and translation key in front matter, then the Pagefind
 * CLI over its output. Runs alternate, ours then Hugo's, for a full build from clean, a rebuild with
 * nothing changed and a rebuild after editing one document; each figure is the median of the runs,
 * wall time and the peak summed memory of the process tree. Reports ratios (ours ÷ Hugo + Pagefind);
 * never passes or fails. Results and the commands: docs/benchmark.md.
 * BENCH_RUNS (3) sets the runs per figure, BENCH_WORK the scratch folder.
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { filesUnder } from "../src/files.ts";
import type { GroupInput } from "../src/group/index.ts";
import { PROJECT_ROOT } from "../src/settings.ts";
import { syntheticCorpus, writeCorpus } from "./corpus.ts";
import { treeRssMb } from "./process-tree.ts";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORK = process.env.BENCH_WORK ?? join(PROJECT_ROOT, "reports/bench-compare");
const PAGEFIND = join(PROJECT_ROOT, "node_modules/.bin/pagefind");

interface Run {
  ms: number;
  peakMb: number;
}

/** Runs a command to its end, sampling its process tree's memory every 100 ms; a failure stops the benchmark. */
function timed(command: string, args: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid ?? 0) ?? 0)), 100);
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${err.slice(-2000)}`));
      resolve({ ms: performance.now() - started, peakMb: peak });
    });
  });
}

async function sequence(steps: (() => Promise<Run>)[]): Promise<Run> {
  let ms = 0,
    peakMb = 0;
  for (const step of steps) {
    const run = await step();
    ms += run.ms;
    peakMb = Math.max(peakMb, run.peakMb);
  }
  return { ms, peakMb };
}

function ensureHugo(): void {
  try {
    execFileSync("hugo", ["version"], { stdio: "ignore" });
  } catch {
    console.error("Installing Hugo from Debian's packages…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "hugo"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
}

/**
 * A folder removed with everything in it. Removing a 10,000-page Hugo site once failed with
 * ENOTEMPTY halfway (Node's recursive removal lists a folder, then removes what it listed); with
 * retries it lists the folder again.
 */
const rmTree = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });

/** A Hugo site of the same documents: languages from the corpus, translations by translationKey, minimal templates that link translations and mark the body for Pagefind. */
function writeHugoSite(dir: string, inputs: readonly GroupInput[], truth: ReadonlyMap<string, string>): void {
  rmTree(dir);
  const langs = [...new Set(inputs.map((d) => d.lang))].sort();
  const config = [
    'baseURL = "http://localhost:1313/"',
    `defaultContentLanguage = "${langs[0]}"`,
    "defaultContentLanguageInSubdir = true",
    "[languages]",
    // Each language reads its own content folder: without contentDir, Hugo took every folder as
    // a section of the first language, so every page said lang="de" and Pagefind made one bundle.
    ...langs.flatMap((lang, i) => [`  [languages.${lang}]`, `    contentDir = "content/${lang}"`, `    weight = ${i + 1}`, `    languageName = "${lang}"`]),
  ].join("\n");
  const layouts = join(dir, "layouts/_default");
  mkdirSync(layouts, { recursive: true });
  writeFileSync(join(dir, "config.toml"), `${config}\n`);
  writeFileSync(
    join(layouts, "baseof.html"),
    '<!DOCTYPE html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  );
  writeFileSync(
    join(layouts, "single.html"),
    '{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</article><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>{{ end }}\n',
  );
  writeFileSync(
    join(layouts, "list.html"),
    '{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range (.Paginate .RegularPagesRecursive).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ template "_internal/pagination.html" . }}{{ end }}\n',
  );
  for (const d of inputs) {
    const title = (d.paragraphs[0] ?? d.file).split(/(?<=[.!?。！？])\s*/u)[0]!.slice(0, 120);
    const front = ["---", `title: ${JSON.stringify(title)}`, `translationKey: ${JSON.stringify(truth.get(d.file) ?? d.file)}`, "---"].join("\n");
    const out = join(dir, "content", d.lang, "posts", d.file.replace(/\.txt$/, ".md"));
    mkdirSync(join(out, ".."), { recursive: true });
    writeFileSync(out, `${front}\n\n${d.paragraphs.join("\n\n")}\n`);
  }
  for (const lang of langs) writeFileSync(join(dir, "content", lang, "_index.md"), `---\ntitle: ${lang}\n---\n`);
}

/**
 * That Hugo + Pagefind made what a user of it would: a search bundle per language, every page
 * counted. A baseline that lumps every language into one is a different, cheaper build.
 */
function checkHugoOutput(dir: string, inputs: readonly GroupInput[]): void {
  const entry = JSON.parse(readFileSync(join(dir, "public/pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  const want = new Map<string, number>();
  for (const d of inputs) want.set(d.lang, (want.get(d.lang) ?? 0) + 1);
  const got = new Map(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
  const wrong = [...want].filter(([lang, n]) => got.get(lang) !== n);
  if (wrong.length || got.size !== want.size) {
    throw new Error(`Hugo + Pagefind indexed ${JSON.stringify(Object.fromEntries(got))}, not ${JSON.stringify(Object.fromEntries(want))}: the Hugo site is not multilingual`);
  }
}

/**
 * Our pages that Pagefind indexes (those marked `data-pagefind-body`: the articles), in `lang` or
 * every language, linked into a folder of their own. What the Pagefind CLI takes over them is a
 * floor under any build of this site that stays on Pagefind: the targets are read against it.
 */
function pagesForSearch(site: string, dir: string, lang?: string): number {
  rmTree(dir);
  let n = 0;
  for (const file of filesUnder(site)) {
    if (!file.endsWith(".html") || (lang !== undefined && !file.startsWith(`${lang}/`))) continue;
    if (!readFileSync(join(site, file), "utf8").includes("data-pagefind-body")) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    linkSync(join(site, file), join(dir, file));
    n++;
  }
  return n;
}

const median = (runs: Run[]) => {
  const by = (key: keyof Run) => [...runs].sort((a, b) => a[key] - b[key])[Math.floor(runs.length / 2)]![key];
  return { ms: by("ms"), peakMb: by("peakMb") };
};

/** The ratios at `n` documents, and the floors beside them: table rows. */
async function compare(n: number): Promise<{ rows: string[]; floorRows: string[] }> {
  const { inputs, truth } = syntheticCorpus(n);
  const corpus = join(WORK, `corpus-${n}`),
    site = join(WORK, `site-${n}`),
    report = join(WORK, `report-${n}.json`),
    cache = join(WORK, `detections-${n}.json`);
  const cards = join(WORK, `cards-${n}`),
    search = join(WORK, `search-${n}`),
    ingest = join(WORK, `ingest-${n}`),
    pages = join(WORK, `pages-${n}`),
    grouping = join(WORK, `grouping-${n}.json`);
  const hugo = join(WORK, `hugo-${n}`);
  writeCorpus(corpus, inputs);
  writeHugoSite(hugo, inputs, truth);
  const edited = join(corpus, inputs[0]!.file),
    editedHugo = join(hugo, "content", inputs[0]!.lang, "posts", inputs[0]!.file.replace(/\.txt$/, ".md"));
  const env = {
    CONTENT_DIR: corpus,
    OUTPUT_DIR: site,
    REPORT_FILE: report,
    DETECTION_CACHE: cache,
    CARD_CACHE: cards,
    SEARCH_CACHE: search,
    INGEST_CACHE: ingest,
    PAGE_CACHE: pages,
    GROUPING_CACHE: grouping,
  };
  const ours = () => timed(process.execPath, ["bin/build.js"], env);
  const theirs = () => sequence([() => timed("hugo", ["--quiet"], {}, hugo), () => timed(PAGEFIND, ["--site", "public", "--quiet"], {}, hugo)]);
  const clean = () => {
    rmTree(site);
    rmSync(cache, { force: true });
    rmTree(cards);
    rmTree(search);
    rmTree(ingest);
    rmTree(pages);
    rmSync(grouping, { force: true });
    rmTree(join(hugo, "public"));
    rmTree(join(hugo, "resources"));
  };
  const scenarios: [string, () => void][] = [
    ["full build", () => {}],
    ["rebuild, nothing changed", () => {}],
    [
      "rebuild, one document edited",
      () => {
        appendFileSync(edited, "\nOne more sentence, added to see what an edit costs.\n");
        appendFileSync(editedHugo, "\nOne more sentence, added to see what an edit costs.\n");
      },
    ],
  ];
  const rows: string[] = [],
    floorRows: string[] = [];
  // The floors: Pagefind alone over what a full build indexes, and over what an edit must index again.
  const floorDir = join(WORK, `floor-${n}`);
  const floors: Partial<Record<string, { pages: number; runs: Run[] }>> = {
    "full build": { pages: 0, runs: [] },
    "rebuild, one document edited": { pages: 0, runs: [] },
  };
  const floorRun = async (name: string) => {
    const floor = floors[name];
    if (!floor) return;
    floor.pages = pagesForSearch(site, floorDir, name === "full build" ? undefined : inputs[0]!.lang);
    floor.runs.push(await timed(PAGEFIND, ["--site", floorDir, "--quiet"]));
  };
  for (const [name, prepare] of scenarios) {
    const a: Run[] = [],
      b: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (name === "full build") {
        // Each from clean: no output, no caches.
        clean();
        a.push(await ours());
        await floorRun(name); // before the next clean takes our site away
        clean();
        b.push(await theirs());
        checkHugoOutput(hugo, inputs);
      } else {
        // Each after a build of the same state, then the change (if any) made to both copies.
        await ours();
        await theirs();
        prepare();
        a.push(await ours());
        b.push(await theirs());
        await floorRun(name);
      }
      console.error(`  ${n}, ${name}: ours ${(a.at(-1)!.ms / 1000).toFixed(1)} s, Hugo + Pagefind ${(b.at(-1)!.ms / 1000).toFixed(1)} s`);
    }
    const x = median(a),
      y = median(b);
    const floor = floors[name];
    if (floor) {
      const f = median(floor.runs);
      const what = name === "full build" ? `our ${floor.pages.toLocaleString("en")} article pages` : `the edited language's ${floor.pages.toLocaleString("en")} article pages`;
      floorRows.push(`| ${n.toLocaleString("en")} | ${name} | Pagefind CLI alone over ${what} | ${(f.ms / 1000).toFixed(1)} s | ${(f.ms / y.ms).toFixed(2)}× | ${Math.round(f.peakMb)} MB |`);
    }
    rows.push(
      `| ${n.toLocaleString("en")} | ${name} | ${(x.ms / 1000).toFixed(1)} s | ${(y.ms / 1000).toFixed(1)} s | ${(x.ms / y.ms).toFixed(2)}× | ${Math.round(x.peakMb)} MB | ${Math.round(y.peakMb)} MB |`,
    );
  }
  rmTree(floorDir);
  return { rows, floorRows };
}

ensureHugo();
mkdirSync(WORK, { recursive: true });
const rows: string[] = [],
  floorRows: string[] = [];
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const found = await compare(n);
  rows.push(...found.rows);
  floorRows.push(...found.floorRows);
}
console.log(`Hugo ${execFileSync("hugo", ["version"], { encoding: "utf8" }).split(" ")[1]}, Pagefind CLI, ${RUNS} alternating runs each (medians):\n`);
console.log("| documents | scenario | ours | Hugo + Pagefind | ratio (wall) | ours, peak memory | Hugo + Pagefind, peak memory |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
console.log("\nThe floor under each target: Pagefind alone, over the pages a full build or that edit indexes (Pagefind cannot update a bundle):\n");
console.log("| documents | scenario | floor | wall | share of Hugo + Pagefind | peak memory |");
console.log("|---|---|---|---|---|---|");
for (const row of floorRows) console.log(row);

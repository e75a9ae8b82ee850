/**
 * `npm run bench`: the full production build on a synthetic corpus of N documents (scripts/corpus.ts),
 * stage by stage, against a baseline of the same build without detection or grouping; peak memory;
 * grouping precision and recall against the true groups. Writes docs/benchmark.json and the tables
 * in docs/benchmark.md. Reports figures; never passes or fails on them.
 *
 * Usage: npm run bench [-- N …]   (default 1000 5000 10000, written to docs/; with sizes given, only
 * printed unless BENCH_DOCS names a folder). BENCH_SEED (42) picks the corpus, BENCH_WORK the scratch folder.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { BuildReport } from "../src/pipeline.ts";
import { PROJECT_ROOT } from "../src/settings.ts";
import { STAGES, type Stage } from "../src/stages.ts";
import { groupingAccuracy, syntheticCorpus, writeCorpus } from "./corpus.ts";
import { treeRssMb } from "./process-tree.ts";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const WORK = process.env.BENCH_WORK ?? join(PROJECT_ROOT, "reports/bench");
const DOCS = process.env.BENCH_DOCS ?? join(PROJECT_ROOT, "docs");

interface BuildRun {
  totalMs: number;
  /** Wall time of the whole process, Node and module loading included. */
  processMs: number;
  stagesMs: Record<Stage, number>;
  /** Peak RSS of the Node process (getrusage). */
  maxRssMb: number;
  /** Peak of the summed RSS of the build's process tree (Node and Pagefind), sampled every 100 ms; Linux only. */
  treePeakRssMb?: number;
  published: number;
  pages: number;
  groups: number;
  detection?: { hits: number; misses: number };
}

function runBuild(args: string[]): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/bench-build.ts"), ...args], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let treePeak: number | undefined;
    const sampler = setInterval(() => {
      const rss = treeRssMb(child.pid!);
      if (rss !== undefined) treePeak = Math.max(treePeak ?? 0, rss);
    }, 100);
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code !== 0 || !line) return reject(new Error(`build ${args.join(" ")} exited ${code}:\n${out.slice(-2000)}`));
      const run = JSON.parse(line.slice("BENCH_RESULT ".length)) as Omit<BuildRun, "processMs" | "treePeakRssMb">;
      resolve({ ...run, processMs: performance.now() - started, ...(treePeak !== undefined ? { treePeakRssMb: treePeak } : {}) });
    });
  });
}

interface SizeResult {
  documents: number;
  languages: string[];
  scripts: string[];
  meanWords: number;
  groupedShare: number;
  cold: BuildRun;
  warm: BuildRun;
  baseline: BuildRun;
  precision: number;
  recall: number;
}

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Latin}/u, "Latin"],
  [/\p{Script=Cyrillic}/u, "Cyrillic"],
  [/\p{Script=Han}/u, "Han"],
  [/\p{Script=Hangul}/u, "Hangul"],
  [/\p{Script=Greek}/u, "Greek"],
  [/\p{Script=Devanagari}/u, "Devanagari"],
  [/\p{Script=Hiragana}/u, "Kana"],
];

async function benchmark(n: number): Promise<SizeResult> {
  const { inputs, truth } = syntheticCorpus(n, SEED);
  const dir = join(WORK, `corpus-${n}`);
  const t = performance.now();
  writeCorpus(dir, inputs);
  console.error(`  ${n}: corpus written in ${Math.round(performance.now() - t)} ms`);
  const languagesFile = join(WORK, `languages-${n}.json`);
  writeFileSync(languagesFile, JSON.stringify(Object.fromEntries(inputs.map((d) => [d.file, d.lang]))));
  const cache = join(WORK, `detections-${n}.json`);
  rmSync(cache, { force: true });
  const site = join(WORK, `site-${n}`);
  const report = join(WORK, `report-${n}.json`);

  const cold = await runBuild([dir, site, report, "full", cache]);
  console.error(`  ${n}: full build, detection cache empty: ${(cold.totalMs / 1000).toFixed(1)} s`);
  const { precision, recall } = groupingAccuracy(
    (JSON.parse(readFileSync(report, "utf8")) as BuildReport).translations.groups.map((g) => g.members.map((m) => m.file)),
    truth,
  );
  const warm = await runBuild([dir, site, report, "full", cache]);
  console.error(`  ${n}: full build, detection cache filled: ${(warm.totalMs / 1000).toFixed(1)} s`);
  const baseline = await runBuild([dir, join(WORK, `baseline-${n}`), join(WORK, `baseline-report-${n}.json`), "baseline", "off", languagesFile]);
  console.error(`  ${n}: baseline: ${(baseline.totalMs / 1000).toFixed(1)} s`);

  const words = inputs.map((d) => d.paragraphs.join(" ").split(/\s+/).length);
  const text = inputs.map((d) => d.paragraphs[0] ?? "").join(" ");
  return {
    documents: n,
    languages: [...new Set(inputs.map((d) => d.lang))].sort(),
    scripts: SCRIPTS.filter(([re]) => re.test(text)).map(([, name]) => name),
    meanWords: Math.round(words.reduce((a, b) => a + b, 0) / words.length),
    groupedShare: truth.size / n,
    cold,
    warm,
    baseline,
    precision,
    recall,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x)} MB`);

function tables(results: SizeResult[]): string {
  const lines: string[] = [];
  lines.push("Full build, detection cache empty (wall time per stage):", "");
  lines.push(`| documents | ${STAGES.join(" | ")} | total | process |`);
  lines.push(`|---|${STAGES.map(() => "---").join("|")}|---|---|`);
  for (const r of results) lines.push(`| ${r.documents.toLocaleString("en")} | ${STAGES.map((st) => s(r.cold.stagesMs[st])).join(" | ")} | **${s(r.cold.totalMs)}** | ${s(r.cold.processMs)} |`);
  lines.push("", "Summary:", "");
  lines.push("| documents | full build | with detection cache | baseline | overhead ratio | grouping share | peak RSS (Node) | peak RSS (Node + Pagefind) | precision | recall |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    lines.push(
      `| ${r.documents.toLocaleString("en")} | ${s(r.cold.totalMs)} | ${s(r.warm.totalMs)} | ${s(r.baseline.totalMs)} | ${(r.cold.totalMs / r.baseline.totalMs).toFixed(2)}× | ${((100 * r.cold.stagesMs.group) / r.cold.totalMs).toFixed(1)}% | ${mb(r.cold.maxRssMb)} | ${mb(r.cold.treePeakRssMb)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`,
    );
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  if (results.length > 1) {
    const factor = last.documents / first.documents;
    const ratio = last.cold.totalMs / first.cold.totalMs;
    lines.push("", `${last.documents.toLocaleString("en")} documents took ${ratio.toFixed(2)}× the time of ${first.documents.toLocaleString("en")} (${factor}× the documents).`);
  }
  lines.push(
    "",
    `Corpus: seed ${SEED}; ${first.languages.length} languages (${first.languages.join(", ")}) in ${first.scripts.length} scripts (${first.scripts.join(", ")}); ` +
      `mean ${first.meanWords} words a document; ${Math.round(first.groupedShare * 100)}% of documents in translation groups. ` +
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}.`,
  );
  return lines.join("\n");
}

const results: SizeResult[] = [];
mkdirSync(WORK, { recursive: true });
for (const n of sizes.length ? sizes : [1000, 5000, 10000]) {
  console.error(`Benchmarking ${n} documents…`);
  results.push(await benchmark(n));
}
const table = tables(results);
console.log(table);
if (!sizes.length || process.env.BENCH_DOCS) {
  mkdirSync(DOCS, { recursive: true });
  writeFileSync(join(DOCS, "benchmark.json"), JSON.stringify({ seed: SEED, results }, null, 2) + "\n");
  const mdFile = join(DOCS, "benchmark.md");
  const START = "<!-- bench:start -->";
  const END = "<!-- bench:end -->";
  const md = existsSync(mdFile) ? readFileSync(mdFile, "utf8") : `# Benchmark\n\n${START}\n${END}\n`;
  writeFileSync(mdFile, md.slice(0, md.indexOf(START) + START.length) + `\n${table}\n` + md.slice(md.indexOf(END)));
  console.error(`Wrote ${join(DOCS, "benchmark.json")} and the tables in ${mdFile}.`);
}

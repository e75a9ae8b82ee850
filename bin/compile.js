// @ts-check
/**
 * The build's TypeScript (src/ and .eleventy.ts) as JavaScript, a file for each in the same
 * layout, under node_modules/.cache/polyglot-blog/js/<hash of the sources, this file and esbuild's version>:
 * compiled by the first build of a version of the sources (about 0.2 s), reused by the next. Each
 * module finds its neighbours (the ingest worker, the Eleventy configuration) beside itself, and
 * the project's own files (templates, data, UI strings, the sources the caches hash) from
 * PROJECT_ROOT, the folder holding .eleventy.ts, not from where it was compiled to.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync, version } from "esbuild";

const ROOT = join(import.meta.dirname, "..");
const CACHE = join(ROOT, "node_modules/.cache/polyglot-blog/js");
/** Compiled versions kept, the most recently used: a build still running on an older one keeps its files (its workers load late). */
const KEPT = 4;
/** A relative import or export of a TypeScript file; compiled, it names the JavaScript one. */
const RELATIVE_TS = /(\b(?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]+)\.ts\2/g;

/**
 * The file URL of `entry` (a source's path in the project) compiled, with every source it may import.
 * @param {string} entry
 * @returns {string}
 */
export function compiledEntry(entry) {
  const files = sources();
  const texts = files.map((file) => readFileSync(join(ROOT, file), "utf8"));
  // The compiler is part of the version: esbuild's, and this file's own way of compiling.
  const hash = createHash("sha256").update(`esbuild@${version}\0${readFileSync(import.meta.filename, "utf8")}\0`);
  files.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`));
  const dir = join(CACHE, hash.digest("hex").slice(0, 16));
  if (existsSync(dir)) utimesSync(dir, new Date(), new Date());
  else compileInto(dir, files, texts);
  return pathToFileURL(join(dir, entry.replace(/\.ts$/, ".js"))).href;
}

/** Every TypeScript source a build can run, by its path in the project, in one order on any machine. */
function sources() {
  const files = readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
  return [".eleventy.ts", ...files].sort();
}

/**
 * @param {string} dir
 * @param {readonly string[]} files
 * @param {readonly string[]} texts the files' contents, as hashed
 */
function compileInto(dir, files, texts) {
  // Written aside, then renamed into place whole: builds started together may compile at once.
  const staging = `${dir}.${process.pid}.tmp`;
  files.forEach((file, i) => {
    const { code } = transformSync(texts[i] ?? "", {
      loader: "ts",
      format: "esm",
      target: "node20",
      sourcemap: "inline",
      sourcefile: join(ROOT, file),
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    const out = join(staging, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code.replace(RELATIVE_TS, "$1$2$3.js$2"));
  });
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw error; // else another build put the same files there first
  }
  prune();
}

function prune() {
  const versions = readdirSync(CACHE)
    .filter((name) => !name.endsWith(".tmp"))
    .map((name) => ({ name, used: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { name } of versions.slice(KEPT)) rmSync(join(CACHE, name), { recursive: true, force: true });
}

/** Files other builds may read while this one writes them (caches and build records), kept files placed in a site, trees by their digest, and the packages the build runs. */
import { createHash, type Hash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { byCodePoint } from "./order.ts";

/** Written aside and renamed into place: a reader running beside this build, or after it stopped halfway, never sees half a file. */
export function writeWhole(file: string, data: string | Buffer): void {
  whole(file, (partial) => writeFileSync(partial, data));
}

/** `from` at `file` as `placeFile` puts it, whole or not at all, as `writeWhole` writes. */
export function placeWhole(from: string, file: string): void {
  // A link is made whole or not at all, in a fourth of the time of one made aside and renamed (a
  // build keeps 11,500 pages at 10,000 documents); over a file already there, or where links
  // cannot be made, the file is made aside and renamed.
  if (succeeds(() => linkSync(from, file))) return;
  whole(file, (partial) => {
    rmSync(partial, { force: true }); // a link cannot be made over a file an interrupted run left
    placeFile(from, partial);
  });
}

/** Whether `action` ran without throwing: for file operations another build, or the file system, may refuse. */
export function succeeds(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}

/** How a file being written ends, until it is renamed into place. */
export const PARTIAL = ".partial";

/**
 * The name `file` is made under before it is renamed into place: this process's and thread's own
 * (a build's worker threads share its process id, and may make the same file).
 */
export function partialOf(file: string): string {
  return `${file}.${process.pid}.${threadId}${PARTIAL}`;
}

/** `file` made by `make` under another name beside it, then renamed: readers never see it half made. */
function whole(file: string, make: (partial: string) => void): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = partialOf(file);
  make(partial);
  renameSync(partial, file);
}

/**
 * A digest of a file's content, to tell one version from another (pages, assets, cache entries).
 * Text is hashed as UTF-16, as it is held in memory: encoding 10,000 pages to UTF-8 only to hash
 * them took most of the hashing's time. (A text and its bytes have different digests.)
 */
export function contentDigest(content: string | Uint8Array): string {
  return (typeof content === "string" ? createHash("sha256").update(content, "utf16le") : createHash("sha256").update(content)).digest("hex");
}

/**
 * A file's size and modification time: what writing it in place changes. A cached file placed in
 * the site as a hard link is the site's file too, so a hand edit of the site edits the cache; a
 * cache keeps each file's stamp as written and gives out only files that still have it.
 */
export function stampOf(file: string): string {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

/** Whether `file` is there with the stamp it had when kept. */
export function asKept(file: string, stamp: string | undefined): boolean {
  try {
    return stamp !== undefined && stampOf(file) === stamp;
  } catch {
    return false; // gone
  }
}

/**
 * `from` at `to` as a hard link where the file system allows one, else as a copy: kept files
 * (cards, search bundles) are placed in every build's site, and are never written in place.
 */
export function placeFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Every file under the folder `from`, placed (as `placeFile` does) at the same path under `to`; how many there were. */
export function placeTree(from: string, to: string): number {
  const files = filesUnder(from);
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    placeFile(join(from, file), join(to, file));
  }
  return files.length;
}

/** The nearest folder from `from` upwards that holds `path`; throws, naming `what`, when none does. */
export function nearestHolding(from: string, path: string, what: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, path))) return dir;
    if (dir === dirname(dir)) throw new Error(`cannot find ${what} above ${from}`);
  }
}

/** Where an installed package lives, looked up the way Node does: in node_modules folders upwards. */
export function packageDir(name: string): string {
  const packagePath = join("node_modules", name);
  return join(nearestHolding(import.meta.dirname, join(packagePath, "package.json"), `the package ${name}`), packagePath);
}

/** An installed package's version. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
}

/** Every file under `root` (or `root` itself), as paths relative to it in code-point order: the same on every machine. */
export function filesUnder(root: string): string[] {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [""];
  const out: string[] = [];
  // Paths built by joining names, not by path.join and path.relative: a name read from a folder
  // has no separator to normalize, and those two were most of the time listing a 32,000-file site took.
  const walk = (dir: string, under: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      out.push(`${under}/(unreadable)`); // the build itself says what is wrong with it
      return;
    }
    for (const entry of entries) {
      const path = under ? `${under}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`, path);
      else out.push(path);
    }
  };
  walk(root, "");
  return out.sort(byCodePoint);
}

/** A tree by its files' bytes, or by their sizes and modification times (a site, fonts: cheaper, and what an edit changes). */
export function addTree(hash: Hash, root: string, content: "bytes" | "stat"): void {
  if (content === "stat") return addStamps(hash, treeStamps(root));
  for (const file of filesUnder(root)) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update("unreadable"); // a file that cannot be read is a change the build will report
    }
    hash.update("\0");
  }
}

/** Each file under `root` (as `filesUnder` lists them) and its stamp, or "unreadable" (a change the build will report). */
export function treeStamps(root: string): Map<string, string> {
  return new Map(filesUnder(root).map((file) => [file, stampOrUnreadable(file ? `${root}/${file}` : root)]));
}

/** A file's stamp, or "unreadable" when it cannot be read (gone, permissions): a change either way. */
export function stampOrUnreadable(path: string): string {
  try {
    return stampOf(path);
  } catch {
    return "unreadable";
  }
}

/** Files and their stamps as `addTree` hashes a tree by "stat": in code-point order, whatever order the map holds them in. */
export function addStamps(hash: Hash, stamps: ReadonlyMap<string, string>): void {
  for (const file of [...stamps.keys()].sort(byCodePoint)) hash.update(`${file}\0${stamps.get(file) ?? ""}\0`);
}

/**
 * What a build's results depend on besides its code and packages: Node's version (V8's Unicode
 * properties in patterns) and ICU's (Intl's word breaks, dates, numbers). A result a cache kept
 * under another runtime is made again, so an upgrade of Node gives what a clean build gives.
 */
export const RUNTIME = `node ${process.version} icu ${process.versions.icu ?? "none"} unicode ${process.versions.unicode ?? "none"}`;

/** A hash of the files under each of `inputs` (paths under `root`), named, and of the runtime: what a cache's entries were made by. */
export function treeDigest(root: string, inputs: readonly string[], runtime = RUNTIME): string {
  const hash = createHash("sha256").update(`${runtime}\0`);
  for (const input of inputs) addTree(hash.update(`${input}\0`), join(root, input), "bytes");
  return hash.digest("hex");
}

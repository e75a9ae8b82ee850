/** The documents folder on disk: which files it holds, and when git first saw each. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

export const DOCUMENT_EXTENSIONS = [".txt", ".md"] as const;

/**
 * One entry of the documents folder and what becomes of it: a document to read, something set
 * aside (with the reason the report gives), or an error that stops the build (with its reason).
 */
export type FolderEntry = { file: string; kind: "document"; path: string } | { file: string; kind: "ignored"; reason: string } | { file: string; kind: "error"; reason: string };

/** The folder itself cannot be listed: names the setting, not a file. */
export class FolderError extends Error {}

const isDocumentName = (name: string) => DOCUMENT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A name's bytes as UTF-8, or undefined when they are not UTF-8 (a file copied from an old Latin-1 system). */
function nameOf(bytes: Buffer): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name that is not UTF-8, printable: ASCII as it is, every other byte as \xNN. */
export function escapedName(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

/** What a system error means to a publisher, in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: "it no longer exists (deleted or renamed while the build was reading the folder)",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EIO: "the disk reported an input/output error",
    ELOOP: "a loop of symbolic links",
    ENOTDIR: "a part of its path is not a folder",
    EISDIR: "it is a folder",
    EMFILE: "too many files open at once",
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}

const KINDS: readonly [keyof Dirent, string][] = [
  ["isFIFO", "a named pipe (FIFO)"],
  ["isSocket", "a socket"],
  ["isCharacterDevice", "a character device"],
  ["isBlockDevice", "a block device"],
];

/**
 * Every entry below `root`, each with what becomes of it, in a stable order (code-point order of
 * the relative path): documents, and everything else with a reason, so nothing is silently left
 * out. Symbolic links are followed only to a document inside the folder, which is published once,
 * under its own name; the link is reported as its alias.
 */
export function listFolder(root: string): FolderEntry[] {
  let top: string;
  try {
    if (!statSync(root).isDirectory()) throw new FolderError(`the documents folder ${root} is not a folder`);
    top = realpathSync(root);
  } catch (error) {
    if (error instanceof FolderError) throw error;
    throw new FolderError(`the documents folder ${root} cannot be read: ${describeFsError(error)}`);
  }
  const out: FolderEntry[] = [];
  const walk = (dir: Buffer, rel: string) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
    } catch (error) {
      out.push({ file: rel ? `${rel}/` : "./", kind: "error", reason: `this folder cannot be read: ${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      const path = Buffer.concat([dir, Buffer.from(sep), entry.name]);
      const name = nameOf(entry.name);
      if (name === undefined) {
        const shown = `${rel ? `${rel}/` : ""}${escapedName(entry.name)}`;
        out.push({ file: shown, kind: "error", reason: "the file name is not valid UTF-8 (shown with each bad byte as \\xNN); rename it" });
        continue;
      }
      const file = rel ? `${rel}/${name}` : name;
      if (name.startsWith("."))
        out.push({
          file: entry.isDirectory() ? `${file}/` : file,
          kind: "ignored",
          reason: entry.isDirectory() ? "a hidden folder (its name starts with a dot): not read" : "a hidden file (its name starts with a dot): not published",
        });
      else if (entry.isDirectory()) walk(path, file);
      else if (entry.isSymbolicLink()) out.push(symlinkEntry(top, path, file));
      else if (entry.isFile())
        out.push(isDocumentName(name) ? { file, kind: "document", path: path.toString("utf8") } : { file, kind: "ignored", reason: "not a document: only .txt and .md files are published" });
      else out.push({ file, kind: "ignored", reason: `not a regular file: ${KINDS.find(([is]) => (entry[is] as () => boolean).call(entry))?.[1] ?? "a special file"}` });
    }
  };
  walk(Buffer.from(root), "");
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A document's bytes, or why they cannot be read (deleted since the folder was listed, permissions, a disk error). */
export function readDocument(path: string): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${describeFsError(error)}` };
  }
}

/** A symbolic link: an alias when it points at a document inside the folder, set aside otherwise. */
function symlinkEntry(top: string, path: Buffer, file: string): FolderEntry {
  let target: string;
  try {
    target = realpathSync(path.toString("utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ELOOP"
        ? "a symbolic link in a loop"
        : code === "ENOENT"
          ? "a symbolic link to nothing (its target does not exist)"
          : `a symbolic link that cannot be followed: ${describeFsError(error)}`;
    return { file, kind: "ignored", reason };
  }
  const inside = relative(top, target);
  if (inside.startsWith("..") || isAbsolute(inside)) return { file, kind: "ignored", reason: "a symbolic link leaving the documents folder: not followed" };
  const own = inside.split(sep).join("/");
  if (own.split("/").some((part) => part.startsWith("."))) return { file, kind: "ignored", reason: `a symbolic link to the hidden ${own}: not published` };
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) return { file, kind: "ignored", reason: `a symbolic link to the folder ${own}/, whose files are listed under their own names` };
  if (!isDocumentName(own)) return { file, kind: "ignored", reason: `a symbolic link to ${own}, which is not a document` };
  return { file, kind: "ignored", reason: `a symbolic link to ${own}: published once, as ${own}` };
}

/**
 * The date each file was first committed (YYYY-MM-DD, the author's calendar day), read in one
 * `git log` for the whole folder. Commit history is the same in every clone, so the same
 * repository always builds the same dates. Outside git, or for uncommitted files: no date.
 */
export function firstCommitDates(root: string): Map<string, string> {
  const dates = new Map<string, string>();
  let log: string;
  try {
    log = execFileSync("git", ["-C", root, "log", "--diff-filter=A", "--format=%x00%aI", "--name-only", "--relative", "--no-renames", "-z", "--", "."], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return dates;
  }
  // Newest commit first: the last date seen for a file is its first commit.
  let current = "";
  for (const field of log.split("\0")) {
    const line = field.replace(/^\n+/, "");
    if (/^\d{4}-\d{2}-\d{2}T/.test(line)) current = line.slice(0, 10);
    else if (line && current) dates.set(line, current);
  }
  return dates;
}

/** The documents folder on disk: which files it holds, and when git first saw each. */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const DOCUMENT_EXTENSIONS = [".txt", ".md"] as const;

export type FolderEntry = { file: string; path: string; isDocument: boolean };

/** Every file below `root` in a stable order (code-point order of the relative path); dotfiles aside. */
export function listFolder(root: string): FolderEntry[] {
  const out: FolderEntry[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const file = relative(root, path).split(sep).join("/");
        out.push({ file, path, isDocument: DOCUMENT_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext)) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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

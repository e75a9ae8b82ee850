/** Files other builds may read while this one writes them (caches and build records), and the packages the build runs. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Written aside and renamed into place: a reader running beside this build, or after it stopped halfway, never sees half a file. */
export function writeWhole(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

/** Where an installed package lives, looked up the way Node does: in node_modules folders upwards. */
export function packageDir(name: string): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === dirname(dir)) throw new Error(`cannot find the package ${name}`);
  }
}

/** An installed package's version. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
}

/** Memory of a build's whole process tree (Node and Pagefind, or Hugo and Pagefind), for the benchmarks. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { entry } from "../src/maps.ts";

/** Summed RSS of a process and its descendants, from /proc. */
export function treeRssMb(root: number): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      entry(children, ppid, () => []).push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  let pages = 0;
  for (const queue = [root]; queue.length;) {
    const pid = queue.pop()!;
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return (pages * 4096) / 1024 / 1024;
}

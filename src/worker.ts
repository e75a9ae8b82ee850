/**
 * A worker thread running a module of the build: its compiled JavaScript when the build runs
 * compiled (bin/build.js), else its TypeScript, which Node 20 does not load in a worker through
 * tsx's loader registered by `--import`, so that worker registers it itself before importing the
 * module.
 */
import { extname } from "node:path";
import { Worker, type Transferable } from "node:worker_threads";

/** @param module the worker module's URL without its extension, beside the caller's (`new URL("./worker", import.meta.url)`) */
export function startWorker(module: URL, caller: string, workerData: unknown, transferList: readonly Transferable[] = []): Worker {
  const url = new URL(`${module.href}${extname(caller)}`);
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData, transferList: [...transferList] });
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData, transferList: [...transferList] });
}

/**
 * Loaded first in every unit and build test process (`--import` in package.json): the temporary
 * folders its tests make go into one folder of the process's own, removed when the process ends,
 * so a test run leaves nothing behind in the machine's temporary folder. The test files' own
 * processes and the builds the tests start find it through TMPDIR.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = mkdtempSync(join(tmpdir(), "polyglot-tests-"));
process.env.TMPDIR = root;
process.on("exit", () => rmSync(root, { recursive: true, force: true }));

// @ts-check
/**
 * `node scripts/together.mjs a b c`: runs the npm scripts a, b and c at once and prints each one's
 * output whole, in the order given, once it has finished; exits with the first failure's code.
 * The type-check, the lint and the unit tests each leave part of the second core idle, so side by
 * side they took 41 s where one after another took 49 s (`npm test`, 2 cores).
 */
import { spawn } from "node:child_process";

/** @param {string} script */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output) }));
  });
}

const runs = process.argv.slice(2).map(run);
let failed = 0;
for (const finished of runs) {
  const { script, code, output } = /** @type {{ script: string, code: number, output: Buffer }} */ (await finished);
  process.stdout.write(`\n> ${script}\n`);
  process.stdout.write(output);
  if (code !== 0) {
    process.stdout.write(`\n${script} failed (exit code ${code})\n`);
    failed ||= code;
  }
}
process.exit(failed);

#!/usr/bin/env node
// @ts-check
/**
 * `npm run build`: src/build.ts, run as JavaScript compiled from it. Through tsx every build paid
 * its loader's toll on each module it imports (about 1.5 s and 2 s of CPU of a 4.7 s seed build);
 * compiled once per version of the sources, a build starts in plain Node.
 */
import { join } from "node:path";
import { compiledEntry } from "./compile.js";

process.setSourceMapsEnabled(true); // a stack trace (DEBUG=1) names the TypeScript lines
// The compiled build finds the project from here, not from where it was compiled to: under a
// node_modules that links to another checkout's, that would be the other checkout (its data, its sources).
process.env.POLYGLOT_BLOG_ROOT = join(import.meta.dirname, "..");
await import(compiledEntry("src/build.ts"));

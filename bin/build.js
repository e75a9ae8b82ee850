#!/usr/bin/env node
// @ts-check
/**
 * `npm run build`: src/build.ts, run as JavaScript compiled from it. Through tsx every build paid
 * its loader's toll on each module it imports (about 1.5 s and 2 s of CPU of a 4.7 s seed build);
 * compiled once per version of the sources, a build starts in plain Node.
 */
import { compiledEntry } from "./compile.js";

process.setSourceMapsEnabled(true); // a stack trace (DEBUG=1) names the TypeScript lines
await import(compiledEntry("src/build.ts"));

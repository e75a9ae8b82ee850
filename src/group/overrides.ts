/**
 * The publisher's word on translations, in `_data/translations.json`:
 *   { "keys": { "<document file>": "<translation key>" }, "notTranslations": [["<file>", "<file>"]] }
 * Files it names must exist, so a typo is an error instead of an override that silently does nothing.
 */
import { z } from "zod";
import { readDataFile } from "../data.ts";
import type { GroupOverrides } from "./index.ts";

const schema = z.strictObject({
  keys: z.record(z.string().min(1), z.string().trim().min(1)).default({}),
  notTranslations: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
});

export function loadGroupOverrides(file: string, documents: ReadonlySet<string>): { overrides: GroupOverrides; problems: string[] } {
  const { data, problems } = readDataFile(file, schema, { keys: {}, notTranslations: [] });
  const named = [...Object.keys(data.keys).map((f) => ["keys", f] as const), ...data.notTranslations.flat().map((f) => ["notTranslations", f] as const)];
  for (const [where, f] of named) if (!documents.has(f)) problems.push(`${where}: "${f}" is not a document in the documents folder`);
  return { overrides: { keys: new Map(Object.entries(data.keys)), notTranslations: data.notTranslations }, problems };
}

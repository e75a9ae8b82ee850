/**
 * The publisher's word on translations, in `_data/translations.json`:
 *   { "keys": { "<document file>": "<translation key>" }, "notTranslations": [["<file>", "<file>"]] }
 * Files it names must exist, so a typo is an error instead of an override that silently does nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { GroupOverrides } from "./index.ts";

const schema = z.strictObject({
  keys: z.record(z.string().min(1), z.string().trim().min(1)).default({}),
  notTranslations: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
});

export function loadGroupOverrides(file: string, documents: ReadonlySet<string>): { overrides: GroupOverrides; problems: string[] } {
  const empty = { overrides: { keys: new Map(), notTranslations: [] }, problems: [] };
  if (!existsSync(file)) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { ...empty, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ...empty, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
  const problems: string[] = [];
  const named = [...Object.keys(parsed.data.keys).map((f) => ["keys", f] as const), ...parsed.data.notTranslations.flat().map((f) => ["notTranslations", f] as const)];
  for (const [where, f] of named) if (!documents.has(f)) problems.push(`${where}: "${f}" is not a document in the documents folder`);
  return { overrides: { keys: new Map(Object.entries(parsed.data.keys)), notTranslations: parsed.data.notTranslations }, problems };
}

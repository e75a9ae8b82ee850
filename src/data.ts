/** `_data` JSON files: read, validated by a schema, problems named by key path. */
import { existsSync, readFileSync } from "node:fs";
import type { z } from "zod";

/** Reads and validates a `_data` JSON file. A missing file is `empty`, not an error. */
export function readDataFile<T>(file: string, schema: z.ZodType<T>, empty: T): { data: T; problems: string[] } {
  if (!existsSync(file)) return { data: empty, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { data: empty, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, problems: [] };
  return { data: empty, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
}

/** Optional YAML front matter of `.md` documents, validated by one schema. */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { toBcp47, unknownLanguage } from "../detect/codes.ts";
import { calendarDate } from "./dates.ts";

export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").optional(),
  lang: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const tag = toBcp47(value);
      if (!tag || tag === "und") {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a valid BCP 47 language tag` });
        return z.NEVER;
      }
      const unknown = unknownLanguage(tag);
      if (unknown) {
        ctx.addIssue({ code: "custom", message: `${unknown} ("${value}")` });
        return z.NEVER;
      }
      return tag;
    })
    .optional(),
  date: calendarDate.optional(),
  author: z.string().trim().min(1).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase ASCII letters and digits joined by single hyphens")
    .optional(),
  translationKey: z.string().trim().min(1).optional(),
  draft: z.boolean().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type FrontMatterResult = { ok: true; data: FrontMatter; body: string } | { ok: false; reasons: string[] };

const FENCE = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/;

/** Splits and validates front matter; a document without it gets empty data. */
export function readFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (!match) return { ok: true, data: {}, body: text };
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "", { schema: "core" }) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line + 1}` : "";
    const what = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, reasons: [`front matter is not valid YAML${where}: ${what}`] };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) return { ok: false, reasons: ["front matter must be a YAML mapping of keys to values"] };
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((issue) => (issue.path.length ? `front matter "${issue.path.join(".")}": ${issue.message}` : `front matter: ${issue.message}`)),
    };
  }
  return { ok: true, data: parsed.data, body: text.slice(match[0].length) };
}

/**
 * Who wrote what and who holds the rights, from `_data` and from what the documents themselves say,
 * shared across each translation group: a member's author, © line and date serve every translation
 * that does not say otherwise. A bio paragraph that names a known author becomes that author's box
 * (in the page's language) instead of being shown as written.
 */
import { z } from "zod";
import { readDataFile } from "../data.ts";
import { baseLanguage } from "../detect/codes.ts";
import type { TranslationGroup } from "../group/index.ts";
import type { Attribution } from "../ingest/blocks.ts";
import { calendarDate } from "../ingest/dates.ts";
import type { DocumentRecord } from "../ingest/document.ts";
import { licenseSchema, type License } from "../settings.ts";
import { parseCopyright, type Copyright } from "./copyright.ts";

const authorSchema = z.strictObject({
  name: z.string().min(1),
  honorific: z.string().optional(),
  links: z.array(z.strictObject({ label: z.string().min(1), url: z.url() })).default([]),
  bio: z.record(z.string(), z.string().min(1)).default({}),
});
const authorsSchema = z.record(z.string(), authorSchema).superRefine((authors, ctx) => {
  for (const id of Object.keys(authors)) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) ctx.addIssue({ code: "custom", path: [id], message: "author ids are lowercase ASCII words joined by hyphens" });
  }
});
const documentMetaSchema = z.strictObject({
  author: z.string().optional(),
  date: calendarDate.optional(),
  title: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  /** Where the text comes from: links the source line, or the document's own credit line when there is no source. */
  sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  license: licenseSchema.optional(),
});
const documentsSchema = z.record(z.string(), documentMetaSchema);

export type Author = z.infer<typeof authorSchema> & { id: string };
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export function loadAuthors(file: string) {
  const { data, problems } = readDataFile(file, authorsSchema, {});
  return { authors: new Map(Object.entries(data).map(([id, a]) => [id, { ...a, id }])), problems };
}

export function loadDocumentMeta(file: string) {
  const { data, problems } = readDataFile(file, documentsSchema, {});
  return { meta: new Map(Object.entries(data)), problems };
}

export interface Bio {
  text: string;
  /** The language the bio is written in: the page's, or the fallback's. */
  lang: string;
  fellBack: boolean;
}

/** An author's bio for a page: exact tag → base language → site default → first written. */
export function bioFor(author: Author, lang: string, defaultLang: string): Bio | undefined {
  const written = Object.keys(author.bio).sort();
  for (const chosen of [lang, baseLanguage(lang), defaultLang, ...written]) {
    const text = author.bio[chosen];
    if (text !== undefined) return { text, lang: chosen, fellBack: chosen !== lang };
  }
  return undefined;
}

export type DateKind = "published" | "added";

export interface ArticleAttribution {
  author?: Author;
  /** How the author was known: said outright, recognized in a bio, or taken from a translation. */
  authorFrom?: "explicit" | "bio" | "group";
  copyright?: Copyright;
  license?: License;
  date?: string;
  /** A date the document, its group or `_data` states is when it was published; a first commit
   * says only when it was added to this site. */
  dateKind?: DateKind;
  /** Trailing text still to show as written: credits, and bios that name no known author. */
  shown: Attribution[];
  /** Extra source credit from `_data/documents.json`. */
  source?: string;
  sourceUrl?: string;
}

export interface AttributionInput {
  docs: readonly DocumentRecord[];
  groups: readonly TranslationGroup[];
  authors: ReadonlyMap<string, Author>;
  meta: ReadonlyMap<string, DocumentMeta>;
  /** First-commit dates, used only where no member of a group states a date. */
  gitDates: ReadonlyMap<string, string>;
}

export function resolveAttribution(input: AttributionInput): { byFile: Map<string, ArticleAttribution>; problems: { file: string; reasons: string[] }[] } {
  const { docs, groups, authors, meta, gitDates } = input;
  const problems: { file: string; reasons: string[] }[] = [];
  const byName = [...authors.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

  // What each document says for itself.
  const own = new Map<string, ArticleAttribution & { explicitDate?: string }>();
  for (const doc of docs) {
    const m = meta.get(doc.file) ?? {};
    const authorId = m.author ?? doc.author;
    let author: Author | undefined;
    let authorFrom: ArticleAttribution["authorFrom"];
    if (authorId !== undefined) {
      author = authors.get(authorId);
      if (!author) problems.push({ file: doc.file, reasons: [`author "${authorId}" is not in _data/authors.json`] });
      else authorFrom = "explicit";
    }
    const shown: Attribution[] = [];
    let copyright: Copyright | undefined;
    for (const part of doc.attribution) {
      copyright ??= part.kind === "credits" ? undefined : parseCopyright(part.text);
      const named = part.kind === "credits" ? undefined : byName.find((a) => part.text.toLowerCase().includes(a.name.toLowerCase()));
      if (named && !author) {
        author = named;
        authorFrom = "bio";
      }
      // A bio of a known author is shown from _data, in the page's language; a bare © line by the copyright line.
      if (part.kind === "credits" || (!named && part.kind === "bio")) shown.push(part);
    }
    const explicitDate = m.date ?? doc.date;
    own.set(doc.file, {
      ...(author ? { author, authorFrom } : {}),
      ...(copyright ? { copyright } : {}),
      ...(m.license ? { license: m.license } : copyright?.allRightsReserved ? { license: "all-rights-reserved" as const } : {}),
      ...(explicitDate ? { explicitDate } : {}),
      ...(m.source ? { source: m.source } : {}),
      ...(m.sourceUrl ? { sourceUrl: m.sourceUrl } : {}),
      shown,
    });
  }

  // What any member says serves the whole group, unless a member says otherwise.
  const byFile = new Map<string, ArticleAttribution>();
  const groupOf = new Map<string, TranslationGroup>();
  for (const g of groups) for (const m of g.members) groupOf.set(m.file, g);
  for (const doc of docs) {
    const mine = own.get(doc.file);
    if (!mine) continue; // own holds every document: it was filled from docs above
    const members = (groupOf.get(doc.file)?.members ?? []).map((m) => own.get(m.file)).filter((x) => x !== undefined);
    const explicitAuthor = members.find((m) => m.authorFrom === "explicit") ?? members.find((m) => m.author);
    const stated = mine.explicitDate ?? members.find((m) => m.explicitDate)?.explicitDate;
    const date = stated ?? gitDates.get(doc.file);
    const copyright = mine.copyright ?? members.find((m) => m.copyright)?.copyright;
    const license = mine.license ?? members.find((m) => m.license)?.license;
    const author = mine.author ?? explicitAuthor?.author;
    byFile.set(doc.file, {
      ...(author ? { author, authorFrom: mine.author ? (mine.authorFrom ?? "explicit") : "group" } : {}),
      ...(copyright ? { copyright } : {}),
      ...(license ? { license } : {}),
      ...(date ? { date, dateKind: stated ? ("published" as const) : ("added" as const) } : {}),
      ...(mine.source ? { source: mine.source } : {}),
      ...(mine.sourceUrl ? { sourceUrl: mine.sourceUrl } : {}),
      shown: mine.shown,
    });
  }
  return { byFile, problems };
}

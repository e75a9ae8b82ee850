/** URL slugs: ASCII, readable, unique within a language. */
import slugifyLatin from "@sindresorhus/slugify";
import anyAscii from "any-ascii";

const MAX_SLUG = 60;

/**
 * ASCII slug of a title. @sindresorhus/slugify knows language conventions (ß → ss, ä → ae);
 * scripts it cannot transliterate (CJK, for one) go through any-ascii first; a title with
 * nothing to transliterate falls back to `fallback` (derived from the document's content hash).
 */
export function slugFromTitle(title: string, fallback: string): string {
  let slug = slugifyLatin(title);
  const letters = (title.match(/\p{L}/gu) ?? []).length;
  if (slug.replace(/-/g, "").length < Math.min(3, letters)) slug = slugifyLatin(anyAscii(title));
  if (slug.length > MAX_SLUG) slug = slug.slice(0, slug.lastIndexOf("-", MAX_SLUG) > 20 ? slug.lastIndexOf("-", MAX_SLUG) : MAX_SLUG);
  return slug.replace(/-+$/, "") || fallback;
}

/** Paths under /{lang}/ that the site itself uses (pagination, search, authors, feeds). */
export const RESERVED_SLUGS = ["page", "search", "authors", "feed", "tags", "404"] as const;

export type SlugRequest = { id: string; lang: string; slug: string; fixed: boolean };
export type SlugCollision = { id: string; lang: string; wanted: string; given: string };

/**
 * Makes slugs unique per language, deterministically: requests are taken in id order, a slug fixed
 * in front matter keeps it over a derived one, and later ones get -2, -3, …
 */
export function assignUniqueSlugs(
  requests: SlugRequest[],
  reserved: readonly string[] = RESERVED_SLUGS,
): { slugs: Map<string, string>; collisions: SlugCollision[] } {
  const ordered = [...requests].sort((a, b) => Number(b.fixed) - Number(a.fixed) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>(requests.flatMap((r) => reserved.map((slug) => `${r.lang}/${slug}`)));
  const slugs = new Map<string, string>();
  const collisions: SlugCollision[] = [];
  for (const r of ordered) {
    let given = r.slug;
    for (let n = 2; taken.has(`${r.lang}/${given}`); n++) given = `${r.slug}-${n}`;
    taken.add(`${r.lang}/${given}`);
    slugs.set(r.id, given);
    if (given !== r.slug) collisions.push({ id: r.id, lang: r.lang, wanted: r.slug, given });
  }
  return { slugs, collisions };
}

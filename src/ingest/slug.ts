/**
 * URL slugs, unique within a language: ASCII where transliteration reads well (Latin, Cyrillic,
 * Greek), the title's own letters elsewhere (Han, Kana, Hangul, Arabic, Hebrew, Thai, Indic…), where
 * a romanization would be unreadable to the very readers of the page. Links carry them as they are;
 * absolute URLs (canonical, hreflang, sitemap, feeds) percent-encode them.
 */
import slugifyLatin from "@sindresorhus/slugify";
import { RESERVED_SLUGS } from "../routes.ts";

const MAX_SLUG = 60;
/** Code points: a Japanese or Arabic title says in 40 what a Latin one says in 60 bytes. */
const MAX_UNICODE_SLUG = 40;

const READABLE_IN_ASCII = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
/** Vowel points and cantillation (Hebrew), harakat and tatweel (Arabic): optional in writing, noise in a URL. */
// eslint-disable-next-line no-misleading-character-class -- each mark is matched alone, to be removed
const OPTIONAL_MARKS = /[\u0591-\u05C7\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/gu;

/**
 * Slug of a title, stable across builds: ASCII when every letter is Latin, Cyrillic or Greek. @sindresorhus/slugify knows language conventions (ß → ss,
 * ä → ae); a title with nothing to spell falls back to `fallback` (from the document's content hash).
 */
export function slugFromTitle(title: string, fallback: string): string {
  const ascii = (title.match(/\p{L}/gu) ?? []).every((l) => READABLE_IN_ASCII.test(l));
  return (ascii ? asciiSlug(title) : unicodeSlug(title)) || fallback;
}

function asciiSlug(title: string): string {
  // Not decamelized: a title in capitals ("ЧТО ТАКОЕ HTML", "ÜBER") is words, not camel case, and
  // split where a letter transliterates to two ("ch-to", "ue-ber").
  let slug = slugifyLatin(title, { decamelize: false });
  if (slug.length > MAX_SLUG) slug = slug.slice(0, slug.lastIndexOf("-", MAX_SLUG) > 20 ? slug.lastIndexOf("-", MAX_SLUG) : MAX_SLUG);
  return slug.replace(/-+$/, "");
}

/** The title's words in its own script, lower-cased, joined by hyphens; cut at a word where there are words. */
function unicodeSlug(title: string): string {
  const words =
    title
      .normalize("NFC")
      .replace(OPTIONAL_MARKS, "")
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const slug = words.join("-");
  const chars = Array.from(slug);
  if (chars.length <= MAX_UNICODE_SLUG) return slug;
  const cut = chars.slice(0, MAX_UNICODE_SLUG + 1).lastIndexOf("-");
  return chars
    .slice(0, cut > 12 ? cut : MAX_UNICODE_SLUG)
    .join("")
    .replace(/-+$/, "");
}

export type SlugRequest = { id: string; lang: string; slug: string; fixed: boolean };
export type SlugCollision = { id: string; lang: string; wanted: string; given: string };

/**
 * Makes slugs unique per language, deterministically: requests are taken in id order, a slug fixed
 * in front matter keeps it over a derived one, and later ones get -2, -3, …
 */
export function assignUniqueSlugs(requests: SlugRequest[], reserved: readonly string[] = RESERVED_SLUGS): { slugs: Map<string, string>; collisions: SlugCollision[] } {
  const ordered = [...requests].sort((a, b) => Number(b.fixed) - Number(a.fixed) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>(requests.flatMap((r) => reserved.map((slug) => `${r.lang}/${slug}`)));
  const slugs = new Map<string, string>();
  const collisions: SlugCollision[] = [];
  // Per wanted slug, the number to try next: every one below it is taken, and stays taken. Counting
  // from 2 for each duplicate made a collection of one title quadratic (10,000 copies: 50 M tries).
  const nextNumber = new Map<string, number>();
  for (const r of ordered) {
    const wanted = `${r.lang}/${r.slug}`;
    let given = r.slug;
    if (taken.has(wanted)) {
      let n = nextNumber.get(wanted) ?? 2;
      while (taken.has(`${wanted}-${n}`)) n++;
      given = `${r.slug}-${n}`;
      nextNumber.set(wanted, n + 1);
    }
    taken.add(`${r.lang}/${given}`);
    slugs.set(r.id, given);
    if (given !== r.slug) collisions.push({ id: r.id, lang: r.lang, wanted: r.slug, given });
  }
  return { slugs, collisions };
}

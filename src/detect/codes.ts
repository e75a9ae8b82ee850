import { perLanguage } from "../intl.ts";

/**
 * Language codes as `lang` and hreflang want them: ISO 639-1 where one exists, else ISO 639-3, in BCP 47 form.
 * CLDR's alias data (through Intl) already maps most three-letter and individual-language codes to the
 * macrolanguage (`arb` → `ar`, `cmn` → `zh`, `pes` → `fa`); these are the ones it leaves alone.
 */
const INDIVIDUAL_TO_MACRO: Readonly<Record<string, string>> = {
  zlm: "ms", // Malay (individual) → Malay
  quy: "qu", // Ayacucho Quechua → Quechua
  qug: "qu", // Chimborazo Highland Quichua → Quechua
  fuv: "ff", // Nigerian Fulfulde → Fulah
  fuf: "ff", // Pular → Fulah
  koi: "kv", // Komi-Permyak → Komi
  tgl: "tl", // Tagalog: see ISO_639_1 below
};

/**
 * Where CLDR's canonical form leaves ISO 639-1 although a code exists there: CLDR writes Tagalog
 * as `fil` (Filipino), but hreflang asks for ISO 639-1, which is `tl`.
 */
const ISO_639_1: Readonly<Record<string, string>> = { fil: "tl" };

/**
 * Canonical BCP 47 tag for a language code or tag, or undefined when it is not a well-formed tag
 * (worked out once per code: detection asks of every language a detector ranks).
 */
export const toBcp47 = perLanguage((code: string): string | undefined => {
  const trimmed = code.trim();
  const [primary = "", ...rest] = trimmed.toLowerCase().split(/[-_]/);
  const mapped = [INDIVIDUAL_TO_MACRO[primary] ?? primary, ...rest].join("-");
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(mapped)[0];
  } catch {
    return undefined;
  }
  if (!canonical) return undefined;
  const [language = "", ...subtags] = canonical.split("-");
  return [ISO_639_1[language] ?? language, ...subtags].join("-");
});

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/**
 * Why a well-formed tag names no real language ("xx", "en-XX"), or undefined when it does. A tag
 * can be well formed and still unknown; such a page would tell browsers and search engines nothing.
 */
export function unknownLanguage(tag: string): string | undefined {
  const locale = new Intl.Locale(tag);
  // "und" (undetermined) comes back as no language at all from Intl.Locale, and DisplayNames throws on that.
  const language = baseLanguage(tag);
  if (language === "und" || !languageNames.of(language)) return `"${language}" is not a known language code`;
  if (locale.region && !regionNames.of(locale.region)) return `"${locale.region}" is not a known region code`;
  return undefined;
}

/** The primary language subtag: `pt-BR` → `pt`. */
export function baseLanguage(tag: string): string {
  return (tag.split("-")[0] ?? tag).toLowerCase();
}

/** Languages written right to left (primary subtags). */
const RTL = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ckb", "dv", "ug", "syr"]);

/** A language's writing direction, from its script (worked out once per tag: every page asks). */
export const directionOf = perLanguage((tag: string): "ltr" | "rtl" => {
  const script = new Intl.Locale(tag).script;
  if (script) return ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"].includes(script) ? "rtl" : "ltr";
  return RTL.has(baseLanguage(tag)) ? "rtl" : "ltr";
});

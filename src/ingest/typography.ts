/**
 * Locale-aware typography: quotation marks and apostrophes as each language writes them, and French
 * spacing (no-break space inside « », narrow no-break space before ? ! ; :). Typograf does the work;
 * every other rule it has stays off so the publisher's text is otherwise left exactly as written.
 */
import typografModule from "typograf";
import { baseLanguage } from "../detect/codes.ts";

/** Quotation marks (outer, inner) per language, from CLDR, for languages Typograf has no data for. */
const QUOTES: Readonly<Record<string, [string, string]>> = {
  ar: ["«»", "‹›"],
  fa: ["«»", "‹›"],
  ur: ["”“", "’‘"],
  he: ["”״", "’׳"],
  hy: ["«»", "«»"],
  id: ["“”", "‘’"],
  ms: ["“”", "‘’"],
  hi: ["“”", "‘’"],
  ta: ["“”", "‘’"],
  ne: ["“”", "‘’"],
  pt: ["“”", "‘’"],
  lt: ["„“", "‚‘"],
  eu: ["«»", "‹›"],
  yi: ["„“", "‚‘"],
  vi: ["“”", "‘’"],
  th: ["“”", "‘’"],
  ko: ["“”", "‘’"],
  zh: ["“”", "‘’"],
  ja: ["「」", "『』"],
  en: ["“”", "‘’"],
};
const ENGLISH_QUOTES: [string, string] = ["“”", "‘’"];
const TYPOGRAF_ALIASES: Readonly<Record<string, string>> = { en: "en-US", nb: "no", nn: "no" };

// typograf ships ESM typings in a package not marked as ESM: TypeScript sees a CommonJS
// namespace where Node's ESM import gives the class itself.
const Typograf = ((typografModule as { default?: unknown }).default ?? typografModule) as typeof typografModule.default;
type Typograf = InstanceType<typeof Typograf>;

const NNBSP = "\u202F";
const NBSP = "\u00A0";

// Registered once: French and its high punctuation.
Typograf.addRule({
  name: "fr/nbsp/highPunctuation",
  handler: (text: string) => text.replace(/(?<!&[#\w]*)(\p{L}|[»)\]’”])[ \u00A0]?([?!]|;(?!\S))/gu, `$1${NNBSP}$2`).replace(/(?<!&[#\w]*)(\p{L}|[»)\]’”])[ \u00A0]?:(?=\s|$)/gu, `$1${NBSP}:`),
});

const KEPT_RULES = ["common/punctuation/quote", "common/punctuation/apostrophe", "fr/nbsp/highPunctuation"];
const instances = new Map<string, Typograf>();

function typograf(lang: string): Typograf {
  const base = baseLanguage(lang);
  let tp = instances.get(base);
  if (tp) return tp;
  const alias = TYPOGRAF_ALIASES[base] ?? base;
  const known = Typograf.hasLocale(alias);
  if (!known) Typograf.addLocale(base);
  tp = new Typograf({ locale: [known ? alias : base], htmlEntity: { type: "default" }, disableRule: "*", enableRule: KEPT_RULES });
  if (!known) {
    const [outer, inner] = QUOTES[base] ?? ENGLISH_QUOTES;
    tp.setSetting("common/punctuation/quote", base, { left: outer.charAt(0) + inner.charAt(0), right: outer.charAt(1) + inner.charAt(1) });
  }
  instances.set(base, tp);
  return tp;
}

/**
 * Characters some kept rule acts on — the quotation marks Typograf's quote rule counts (its own
 * data), the apostrophe, French high punctuation — or Typograf's own handling does (carriage
 * returns, its private labels, our shields). Text without any comes back as it went in, so it
 * skips Typograf's many passes.
 */
const escapeForClass = (chars: string) => chars.replace(/[\\\]^-]/g, "\\$&");
const touchedBy = (extra: string) => new RegExp(`[${escapeForClass(`${String(Typograf.getData("common/quote"))}'${extra}`)}\\r\\uE000\\uE001\\uF000\\uF001]`, "u");
const TOUCHED = touchedBy("");
const TOUCHED_FR = touchedBy("?!;:");

/** Text with the language's quotation marks and spacing. Plain text in, plain text out. */
export function typeset(text: string, lang: string): string {
  if (!(baseLanguage(lang) === "fr" ? TOUCHED_FR : TOUCHED).test(text)) return text;
  // Typograf treats markup as markup; our text is text, so hide < and & from it and restore them after.
  const shielded = text.replace(/</g, "\uE000").replace(/&/g, "\uE001");
  return typograf(lang)
    .execute(shielded)
    .replace(/\uE000/g, "<")
    .replace(/\uE001/g, "&");
}

/** © lines: read from a document's text, and written the way each language writes them. */
import { intlLocale, perLanguage } from "../intl.ts";

export interface Copyright {
  holder: string;
  firstYear: number;
  lastYear?: number;
  /** The line says all rights are reserved ("Tous les droits sont réservés", "Seluruh hak cipta"). */
  allRightsReserved: boolean;
}

const ALL_RIGHTS = /all rights reserved|tous les droits|droits (?:sont )?réservés|todos los derechos|alle rechte|hak cipta|tutti i diritti|todos os direitos|alle rettigheden|alle rechten/iu;
// "et al." in the languages of the collection: part of the © line, not of the holder's name.
const ET_AL = /\s+(?:et al|et coll|dkk|y col|y otros|u\.\s?a|e col|i in)\.?$/iu;

/** Reads "© 1984-2020 Seamus Phan et coll. Tous les droits sont réservés." */
export function parseCopyright(text: string): Copyright | undefined {
  const m = /(?:©|\(c\)|copyright)\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?,?\s+([^.©]+(?:\.(?!\s|$)[^.©]*)*?)(?:\.(?:\s|$)|$)/iu.exec(text);
  if (!m) return undefined;
  const holder = (m[3] ?? "").trim().replace(ET_AL, "").trim();
  if (!holder) return undefined;
  return {
    holder,
    firstYear: Number(m[1]),
    ...(m[2] && m[2] !== m[1] ? { lastYear: Number(m[2]) } : {}),
    allRightsReserved: ALL_RIGHTS.test(text),
  };
}

const yearFormats = perLanguage((lang) => new Intl.DateTimeFormat(intlLocale(Intl.DateTimeFormat, lang), { year: "numeric", calendar: "gregory", timeZone: "UTC" }));

/** Year ranges as written, by language and years: the site's line is in every page's footer, and ICU takes a tenth of a millisecond a range. */
const ranges = new Map<string, string>();

/** "© 1984–2020 Seamus Phan", with the year range as `lang` writes it (Gregorian years, in its own digits). */
export function formatCopyright(c: Pick<Copyright, "holder" | "firstYear" | "lastYear">, lang: string): string {
  const last = c.lastYear && c.lastYear !== c.firstYear ? c.lastYear : undefined;
  const key = `${lang} ${c.firstYear} ${last ?? ""}`;
  let range = ranges.get(key);
  if (range === undefined) {
    const years = yearFormats(lang);
    const first = new Date(Date.UTC(c.firstYear, 0, 1));
    range = last ? years.formatRange(first, new Date(Date.UTC(last, 0, 1))) : years.format(first);
    ranges.set(key, range);
  }
  return `© ${range} ${c.holder}`;
}

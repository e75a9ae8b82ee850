/**
 * Intl, made independent of the build machine. For a language ICU has no data for (Latin,
 * Esperanto on some builds…), Intl silently uses the host's default locale — the same build gave
 * "Latin" under LANG=C and "Latein" under LANG=de_DE. Every formatter here is made for a locale
 * ICU supports: the language itself, else its base language, else the project's fallback.
 */

/** The project's choice for languages ICU does not know: English, as the UI strings fall back to. */
export const INTL_FALLBACK = "en";

type Service = { supportedLocalesOf(locales: string[], options?: { localeMatcher: "lookup" }): string[] };

/** The locale `service` will really use for `lang`: never the host's default. */
export function intlLocale(service: Service, lang: string): string {
  const base = lang.split("-")[0] ?? lang;
  for (const candidate of [lang, base]) if (service.supportedLocalesOf([candidate], { localeMatcher: "lookup" }).length) return candidate;
  return INTL_FALLBACK;
}

/**
 * One formatter per language, made once: a build formats thousands of dates, and making an Intl
 * formatter costs far more than using one.
 */
export function perLanguage<T>(make: (lang: string) => T): (lang: string) => T {
  const made = new Map<string, T>();
  return (lang) => {
    let f = made.get(lang);
    if (f === undefined) made.set(lang, (f = make(lang)));
    return f;
  };
}

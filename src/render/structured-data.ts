/** JSON-LD for articles: schema.org BlogPosting, linked across a translation group. */

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as \u003c… so no text
 * from a document can close the script element or open a comment, and the line separators that
 * JavaScript parsers once choked on escaped too. JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export interface PostingInput {
  url: string;
  title: string;
  description: string;
  lang: string;
  /** Only a stated publication date: when a file reached this site is not when its text was published. */
  published?: string;
  wordCount: number;
  /** The article's social card: Google shows an article's image in its results. */
  image: string;
  author?: { name: string; url: string };
  copyright?: { holder: string; firstYear: number };
  publisher: string;
  /** The group's original (earliest dated, then first by file), when this is a translation of it. */
  original?: { url: string; lang: string };
  /** Other versions that are translations of this one. */
  translations: { url: string; lang: string }[];
}

export function blogPosting(p: PostingInput): JsonLd {
  const work = (w: { url: string; lang: string }) => ({ "@type": "BlogPosting", "@id": w.url, url: w.url, inLanguage: w.lang });
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "@id": p.url,
    url: p.url,
    mainEntityOfPage: p.url,
    headline: p.title,
    description: p.description,
    inLanguage: p.lang,
    wordCount: p.wordCount,
    image: p.image,
    ...(p.published ? { datePublished: p.published } : {}),
    ...(p.author ? { author: { "@type": "Person", name: p.author.name, url: p.author.url } } : {}),
    ...(p.copyright ? { copyrightHolder: { "@type": "Person", name: p.copyright.holder }, copyrightYear: p.copyright.firstYear } : {}),
    publisher: { "@type": "Organization", name: p.publisher },
    ...(p.original ? { translationOfWork: work(p.original) } : {}),
    ...(p.translations.length ? { workTranslation: p.translations.map(work) } : {}),
  };
}

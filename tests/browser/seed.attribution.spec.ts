import { XMLParser, XMLValidator } from "fast-xml-parser";
import { at, expect, publishedBy, siteUrl, test } from "./test.ts";

const published = [...publishedBy("reports/build-report.json").values()];
const urlOf = (prefix: string) => published.find((d) => d.file.startsWith(prefix))!.url!;

const members = [
  { prefix: "000", lang: "es", by: "Por Seamus Phan", rights: "© 1984–2020 Seamus Phan. Todos los derechos reservados." },
  { prefix: "001", lang: "de", by: "Von Seamus Phan", rights: "© 1984–2020 Seamus Phan. Alle Rechte vorbehalten." },
  { prefix: "002", lang: "fr", by: "Par Seamus Phan", rights: "© 1984–2020 Seamus Phan. Tous droits réservés." },
  { prefix: "003", lang: "id", by: "Oleh Seamus Phan", rights: "© 1984 – 2020 Seamus Phan. Hak cipta dilindungi undang-undang." },
];

test.describe("attribution", () => {
  for (const m of members) {
    test(`the ${m.lang} translation shows Seamus Phan's byline, bio and © line in ${m.lang}`, async ({ page }) => {
      await page.goto(urlOf(m.prefix));
      await expect(page.locator(".article__meta .byline")).toHaveText(m.by);
      const box = page.locator(".article__footer .author-bio");
      await expect(box).toHaveCount(1);
      await expect(box.locator(".author-bio__name a")).toHaveAttribute("href", at(`/${m.lang}/authors/seamus-phan/`));
      await expect(box).toContainText("McGallen & Bolden");
      await expect(box.locator("p[lang]")).toHaveCount(0); // the bio is in the page's own language
      await expect(page.locator(".article__footer .rights")).toHaveText(m.rights);
    });
  }

  test("the bio recognized in the French text is shown once, from _data, not as written", async ({ page }) => {
    await page.goto(urlOf("002"));
    await expect(page.getByText("Connectez-vous sur LinkedIn")).toHaveCount(0);
    await expect(page.getByText("expert en technologie")).toHaveCount(1);
  });

  test("004 shows its source and image credits and no invented author", async ({ page }) => {
    await page.goto(urlOf("004"));
    await expect(page.locator(".credits")).toContainText("En Pymes y Autónomos");
    await expect(page.locator(".credits")).toContainText("Imagen | jm3");
    await expect(page.locator(".credits a")).toHaveCount(0); // no address given in _data, so none invented
    await expect(page.locator(".byline")).toHaveCount(0);
    await expect(page.locator(".author-bio")).toHaveCount(0);
    await expect(page.locator(".rights")).toHaveCount(0);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld.author).toBeUndefined();
    expect(ld.copyrightHolder).toBeUndefined();
  });

  test("every footer shows the site's copyright apart from the authors'", async ({ page }) => {
    for (const path of ["/", "/es/", urlOf("001")]) {
      await page.goto(path);
      // The site's rights apart from the authors': the articles are theirs.
      await expect(page.locator(".site-footer__copyright")).toHaveText(
        /^(Site|Sitio|Website) © 2020\s?–\s?\d{4} Polyglot Notes · (Articles belong to their authors|Los artículos son de sus autores|Die Artikel gehören ihren Autorinnen und Autoren)$/,
      );
    }
  });
});

test.describe("author pages", () => {
  test("each language has Seamus Phan's page listing his article in that language, linked to the others", async ({ page }) => {
    for (const m of members) {
      await page.goto(`/${m.lang}/authors/seamus-phan/`);
      await expect(page.locator("html")).toHaveAttribute("lang", m.lang);
      await expect(page.locator("h1")).toHaveText("Seamus Phan");
      await expect(page.locator(".teaser__title a")).toHaveCount(1);
      await expect(page.locator(".teaser__title a")).toHaveAttribute("href", at(urlOf(m.prefix)));
      await expect(page.locator("nav.switcher a")).toHaveCount(4);
      await expect(page.locator('link[rel="alternate"][hreflang]:not([type])')).toHaveCount(5);
    }
  });

  test("an article whose only date is its first commit says it was added to this site, not published", async ({ page }) => {
    await page.goto(urlOf("001"));
    await expect(page.locator(".article__meta time")).toHaveText(/^Auf dieser Website seit \d{1,2}\. \p{L}+ \d{4}$/u);
    await expect(page.locator(".article__meta")).not.toContainText("Veröffentlicht");
    await page.goto("/es/");
    await expect(page.locator(".teaser__meta time").first()).toHaveText(/^Añadido a este sitio el /);
  });

  test("a byline leads to the author's page in the same language", async ({ page }) => {
    await page.goto(urlOf("001"));
    await page.locator(".author-bio__name a").click();
    await expect(page).toHaveURL(at("/de/authors/seamus-phan/"));
    await expect(page.locator(".section-title")).toHaveText("Artikel von Seamus Phan");
  });
});

test.describe("structured data", () => {
  test("each translation's BlogPosting parses and links exactly its hreflang set", async ({ page }) => {
    for (const m of members) {
      await page.goto(urlOf(m.prefix));
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(ld["@type"]).toBe("BlogPosting");
      expect(ld.inLanguage).toBe(m.lang);
      // The headline is the heading as <title> shortens it: a clause, or words and "…".
      const heading = (await page.locator("h1").textContent())!.trim();
      expect(heading.startsWith(String(ld.headline).replace(/…$/, "")), `"${heading}" starts with "${ld.headline}"`).toBe(true);
      expect(String(ld.headline).length).toBeLessThanOrEqual(70);
      expect(ld.author).toEqual({ "@type": "Person", name: "Seamus Phan", url: `${siteUrl()}/${m.lang}/authors/seamus-phan/` });
      expect(ld.copyrightHolder.name).toBe("Seamus Phan");
      expect(ld.copyrightYear).toBe(1984);
      // The seeds state no date: a first commit is when they reached this site, not when they were published.
      expect(ld.datePublished).toBeUndefined();
      const linked = [ld["@id"], ld.translationOfWork?.["@id"], ...(ld.workTranslation ?? []).map((w: { "@id": string }) => w["@id"])].filter(Boolean).sort();
      const hreflang = await page.locator('link[rel="alternate"][hreflang]:not([type]):not([hreflang="x-default"])').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")));
      expect(linked).toEqual(hreflang.sort());
    }
  });
});

test.describe("feeds", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "author"].includes(name) });
  const languages = { es: ["000", "004"], de: ["001"], fr: ["002"], id: ["003"] };

  for (const [lang, prefixes] of Object.entries(languages)) {
    test(`the ${lang} Atom feed is well-formed, has what RFC 4287 requires, and lists exactly the ${lang} articles`, async ({ request }) => {
      const response = await request.get(`/${lang}/feed.xml`);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed["@xml:lang"]).toBe(lang);
      for (const required of ["id", "title", "updated", "author"]) expect(feed[required], required).toBeDefined();
      expect(feed.rights).toMatch(/Polyglot Notes/);
      expect(feed.link.find((l: Record<string, string>) => l["@rel"] === "self")["@href"]).toBe(`${siteUrl()}/${lang}/feed.xml`);
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const entries = feed.entry as Record<string, unknown>[];
      expect(entries.map((e) => (e.link as Record<string, string>[])[0]!["@href"]).sort()).toEqual(prefixes.map((p) => `${siteUrl()}${urlOf(p)}`).sort());
      for (const e of entries) {
        for (const required of ["id", "title", "updated"]) expect(e[required], required).toBeDefined();
        expect((e.content as Record<string, string>)["@type"]).toBe("html");
      }
    });

    test(`the ${lang} JSON Feed parses and lists exactly the ${lang} articles`, async ({ request }) => {
      const feed = await (await request.get(`/${lang}/feed.json`)).json();
      expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
      expect(feed.language).toBe(lang);
      expect(feed.items.map((i: { url: string }) => i.url).sort()).toEqual(prefixes.map((p) => `${siteUrl()}${urlOf(p)}`).sort());
    });
  }

  test("a Seamus Phan entry carries his name and rights; the 004 entry names no author", async ({ request }) => {
    const feed = parser.parse(await (await request.get("/es/feed.xml")).text()).feed;
    const byUrl = (p: string) => (feed.entry as Record<string, unknown>[]).find((e) => (e.link as Record<string, string>[])[0]!["@href"] === `${siteUrl()}${urlOf(p)}`)!;
    expect((byUrl("000").author as { name: string }[])[0]!.name).toBe("Seamus Phan");
    expect(byUrl("000").rights).toBe("© 1984–2020 Seamus Phan. Todos los derechos reservados.");
    expect(byUrl("004").author).toBeUndefined();
  });

  test("a feed entry links its translations by language and claims no publication date the text never stated", async ({ request }) => {
    const feed = parser.parse(await (await request.get("/de/feed.xml")).text()).feed;
    const entry = (feed.entry as Record<string, unknown>[])[0]!;
    const links = (entry.link as Record<string, string>[]).map((l) => `${l["@hreflang"]} ${l["@href"]}`);
    expect(links).toEqual(["de", "es", "fr", "id"].map((lang) => `${lang} ${siteUrl()}${urlOf({ de: "001", es: "000", fr: "002", id: "003" }[lang]!)}`));
    expect(entry.published).toBeUndefined();
    const json = await (await request.get("/de/feed.json")).json();
    expect(json.items[0].date_published).toBeUndefined();
    expect(json.items[0]._translations.map((t: { lang: string }) => t.lang)).toEqual(["es", "fr", "id"]);
  });

  test("every page links its language's feeds from the head", async ({ page }) => {
    await page.goto(urlOf("003"));
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", at("/id/feed.xml"));
    await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute("href", at("/id/feed.json"));
  });
});

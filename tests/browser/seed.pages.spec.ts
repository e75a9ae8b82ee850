import { at, DELIBERATE_404, expect, PREFIX_BLIND, publishedBy, sourceOf, test } from "./test.ts";

const published = publishedBy("reports/build-report.json");
const seeds = [...published.values()];
const urlOf = (prefix: string) => seeds.find((d) => d.file.startsWith(prefix))!.url!;
const fileOf = (prefix: string) => seeds.find((d) => d.file.startsWith(prefix))!.file;
/** The first few words of a seed, as the source file has them (up to any quote, which typography changes). */
function opening(prefix: string, words = 5): string {
  const all = sourceOf("content", fileOf(prefix)).trim().split(/\s+/);
  const upToQuote = all.findIndex((w) => /['"]/.test(w));
  return all.slice(0, Math.min(words, upToQuote < 0 ? words : upToQuote)).join(" ");
}

const expected = [
  { prefix: "000", lang: "es", paragraphs: 4 },
  { prefix: "001", lang: "de", paragraphs: 4 },
  { prefix: "002", lang: "fr", paragraphs: 4 },
  { prefix: "003", lang: "id", paragraphs: 4 },
  { prefix: "004", lang: "es", paragraphs: 5 },
];

test.describe("every seed becomes a localized page", () => {
  for (const { prefix, lang, paragraphs } of expected) {
    test(`seed ${prefix} is published in ${lang} with its title and ${paragraphs} paragraphs`, PREFIX_BLIND, async ({ page }) => {
      expect(urlOf(prefix)).toMatch(new RegExp(`^/${lang}/[a-z0-9-]+/$`));
      await page.goto(urlOf(prefix));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("h1")).toContainText(opening(prefix));
      await expect(page).toHaveTitle(new RegExp(`^${opening(prefix)}`));
      await expect(page.locator(".article__body > p")).toHaveCount(paragraphs);
      // The opening sentence is the heading, whole, and the body goes on after it.
      await expect(page.locator("h1")).not.toContainText("…");
      await expect(page.locator(".article__body > p").first()).not.toContainText(opening(prefix, 8));
      const description = await page.locator('meta[name="description"]').getAttribute("content");
      expect(description?.length).toBeGreaterThan(60);
      expect(description, "the description goes on from the title instead of repeating it").not.toContain(opening(prefix));
    });
  }

  test("article pages run no JavaScript: their only script element is JSON-LD data", PREFIX_BLIND, async ({ page }) => {
    for (const { prefix } of expected) {
      await page.goto(urlOf(prefix));
      await expect(page.locator("script")).toHaveCount(1);
      await expect(page.locator("script")).toHaveAttribute("type", "application/ld+json");
    }
  });

  test("the page chrome speaks the article's language", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("001"));
    await expect(page.locator(".skip-link")).toHaveText("Zum Inhalt springen");
    await expect(page.locator(".article__meta")).toContainText("Lesezeit");
    await page.goto(urlOf("003"));
    await expect(page.locator(".skip-link")).toHaveText("Langsung ke konten");
  });

  test("dates are written the way the page's language writes them", PREFIX_BLIND, async ({ page }) => {
    for (const { prefix, lang } of expected) {
      await page.goto(urlOf(prefix));
      const time = page.locator(".article__meta time");
      const iso = await time.getAttribute("datetime");
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const written = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
      await expect(time).toContainText(written);
    }
  });

  test("the French article uses French quotation marks and spacing", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("002"));
    await expect(page.locator(".article__body")).toContainText("«\u202Fcesser et de s’abstenir\u202F»");
    await expect(page.locator(".article__body")).toContainText("Quoi\u202F?");
  });

  test("every page has the same labelled switcher naming its language, at the header's end", PREFIX_BLIND, async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 800 });
    for (const [path, name] of [
      [urlOf("000"), "Español"],
      [urlOf("004"), "Español"],
      ["/es/", "Español"],
      ["/de/search/", "Deutsch"],
      ["/", "English"],
      ["/coverage/", "English"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("nav.switcher")).toHaveAttribute("aria-label", /^(Leer en otro idioma|In einer anderen Sprache lesen|Read in another language)$/);
      const button = page.getByRole("button", { name: new RegExp(`^(Idioma|Sprache|Language): ${name}$`) });
      await expect(button).toBeVisible();
      const box = await button.boundingBox();
      const header = await page.locator(".site-header__inner").boundingBox();
      // One line, at the inline end: the same place whatever else the header holds.
      expect(Math.abs(box!.x + box!.width - (header!.x + header!.width - 20))).toBeLessThan(2);
      expect(box!.y - header!.y).toBeLessThan(20);
    }
  });
});

test.describe("structure kept apart from the body", () => {
  test("004 shows its subheading as a heading between its paragraphs", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("004"));
    const heading = page.locator(".article__body > h2");
    await expect(heading).toHaveText("¿Son interesantes?");
    await expect(page.locator(".article__body > h2 + p")).toContainText("Quizá sea interesante preguntarse");
  });

  test("004 shows its source and image credits in the article footer, not in the body", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("004"));
    await expect(page.locator(".article__footer .credits")).toContainText("En Pymes y Autónomos");
    await expect(page.locator(".article__footer .credits")).toContainText("Imagen | jm3");
    await expect(page.locator(".article__footer .credits h2")).toHaveText("Créditos");
    await expect(page.locator(".article__body")).not.toContainText("jm3");
  });

  for (const [prefix, heading] of [
    ["002", "À propos de l’auteur"],
    ["003", "Tentang penulis"],
  ] as const) {
    test(`${prefix} shows the author's bio and the © line after the body, not in it`, PREFIX_BLIND, async ({ page }) => {
      await page.goto(urlOf(prefix));
      const bio = page.locator(".article__footer .author-bio");
      await expect(bio).toContainText("Dr Seamus Phan");
      await expect(page.locator(".article__footer .rights")).toContainText(/© 1984\s?–\s?2020 Seamus Phan/);
      await expect(bio.locator("h2")).toHaveText(heading);
      await expect(page.locator(".article__body")).not.toContainText("Seamus Phan");
    });
  }

  test("000 and 001, whose text has no bio, show their author's bio from the translation group", PREFIX_BLIND, async ({ page }) => {
    for (const prefix of ["000", "001"]) {
      await page.goto(urlOf(prefix));
      await expect(page.locator(".article__footer .author-bio")).toContainText("Seamus Phan");
      await expect(page.locator(".article__body")).not.toContainText("Seamus Phan");
    }
  });
});

test.describe("home pages", () => {
  test("the Spanish home lists both Spanish articles and no others", async ({ page }) => {
    await page.goto("/es/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const links = page.locator(".teaser__title a");
    await expect(links).toHaveCount(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.sort()).toEqual([urlOf("000"), urlOf("004")].map(at).sort());
  });

  for (const [lang, prefix] of [
    ["de", "001"],
    ["fr", "002"],
    ["id", "003"],
  ] as const) {
    test(`the ${lang} home lists its one article`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator(".teaser__title a")).toHaveCount(1);
      await expect(page.locator(".teaser__title a")).toHaveAttribute("href", at(urlOf(prefix)));
    });
  }

  test("the root page offers every language, each named in itself", async ({ page }) => {
    await page.goto("/");
    const choices = page.locator(".language-grid a");
    await expect(choices).toHaveCount(4);
    const languages = await choices.evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.getAttribute("lang"), a.querySelector(".language-grid__name")?.textContent]));
    expect(languages).toEqual([
      [at("/de/"), "de", "Deutsch"],
      [at("/es/"), "es", "Español"],
      [at("/fr/"), "fr", "Français"],
      [at("/id/"), "id", "Indonesia"],
    ]);
  });

  test("the root page shows each latest article once, in its original, with the languages of its translations", async ({ page }) => {
    await page.goto("/");
    const teasers = page.locator(".teaser");
    await expect(teasers).toHaveCount(2);
    const hrefs = await page.locator(".teaser__title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")).sort());
    expect(hrefs).toEqual([urlOf("000"), urlOf("004")].map(at).sort());
    const translated = teasers.filter({ has: page.locator(`a[href="${at(urlOf("000"))}"]`) });
    const others = await translated.locator(".teaser__langs a").evaluateAll((as) => as.map((a) => [a.getAttribute("lang"), a.getAttribute("href"), a.textContent]));
    expect(others).toEqual([
      ["de", at(urlOf("001")), "Deutsch"],
      ["fr", at(urlOf("002")), "Français"],
      ["id", at(urlOf("003")), "Indonesia"],
    ]);
  });

  test("a language home says which other languages each article is in, in the home's language", PREFIX_BLIND, async ({ page }) => {
    await page.goto("/de/");
    await expect(page.locator(".teaser__langs")).toContainText("Auch auf:");
    await expect(page.locator(".teaser__langs a")).toHaveCount(3);
    await expect(page.locator('.teaser__langs a[lang="es"]')).toHaveText("Español");
  });

  test("an unknown address answers 404 with the not-found page", async ({ page }) => {
    const response = await page.goto(`${DELIBERATE_404}/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText("Page not found");
    await expect(page.locator(".language-grid a")).toHaveCount(4);
  });
});

test.describe("sharing", () => {
  test("an article is shared as an article, with its title, description and address", async ({ page }) => {
    await page.goto(urlOf("001"));
    const meta = (p: string) => page.locator(`meta[property="${p}"]`);
    await expect(meta("og:type")).toHaveAttribute("content", "article");
    // og:title is the heading, shortened at a clause or a word like <title>.
    const heading = (await page.locator("h1").textContent())!.trim();
    const ogTitle = (await meta("og:title").getAttribute("content")) ?? "";
    expect(ogTitle.length).toBeLessThanOrEqual(70);
    expect(heading.startsWith(ogTitle.replace(/…$/, "")), `"${heading}" starts with "${ogTitle}"`).toBe(true);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length).toBeGreaterThan(20);
    await expect(meta("og:description")).toHaveAttribute("content", description!);
    await expect(meta("og:url")).toHaveAttribute("content", (await page.locator('link[rel="canonical"]').getAttribute("href"))!);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  });

  test("an article's social card is a 1200×630 picture of its title at the og:image address", async ({ page }) => {
    await page.goto(urlOf("001"));
    const meta = (p: string) => page.locator(`meta[property="${p}"]`);
    const image = new URL((await meta("og:image").getAttribute("content")) ?? "");
    // Under a sub-path the address carries its prefix before the article's path.
    expect(image.pathname.endsWith(`${urlOf("001")}card.jpg`), image.pathname).toBe(true);
    await expect(meta("og:image:width")).toHaveAttribute("content", "1200");
    await expect(meta("og:image:height")).toHaveAttribute("content", "630");
    await expect(meta("og:image:alt")).toHaveAttribute("content", (await meta("og:title").getAttribute("content")) ?? "");
    const response = await page.request.get(image.pathname);
    expect(response.headers()["content-type"]).toBe("image/jpeg");
    // Decoded by the browser itself: a picture it can show, at the size the meta tags state.
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, image.pathname);
    expect(size).toEqual([1200, 630]);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as { image?: string };
    expect(jsonLd.image).toBe(image.href);
  });

  test("a language home is shared as a website", async ({ page }) => {
    await page.goto("/de/");
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "website");
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", /\S/);
  });
});

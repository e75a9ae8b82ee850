import { at, expect, PREFIX_BLIND, publishedBy, test } from "./test.ts";

const published = publishedBy("reports/fixture-site.json");
const urlOf = (file: string) => published.get(file)!.url!;

test.describe("pages in other scripts and directions", () => {
  for (const lang of ["ar", "he", "fa", "ur"]) {
    test(`the ${lang} article is marked right to left`, PREFIX_BLIND, async ({ page }) => {
      await page.goto(urlOf(`${lang}.txt`));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    });
  }

  test("a right-to-left page mirrors: the title starts at the right edge and the brand sits on the right", PREFIX_BLIND, async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(urlOf("ar.txt"));
    const brand = await page.locator(".brand").boundingBox();
    const title = await page.locator("h1").boundingBox();
    const main = await page.locator("main").boundingBox();
    expect(brand!.x).toBeGreaterThan(600);
    expect(Math.abs(title!.x + title!.width - (main!.x + main!.width))).toBeLessThan(30);
  });

  test("the Arabic article has Arabic chrome and its question line as a subheading", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("ar.txt"));
    await expect(page.locator(".skip-link")).toHaveText("انتقل إلى المحتوى");
    await expect(page.locator(".article__body > h2")).toHaveText("لماذا يعود الناس كل يوم؟");
  });

  for (const [lang, minutes] of [
    ["zh", "分钟"],
    ["ja", "分"],
    ["ko", "분"],
  ] as const) {
    test(`the ${lang} article gives its reading time in ${lang}`, PREFIX_BLIND, async ({ page }) => {
      await page.goto(urlOf(`${lang}.txt`));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator(".article__meta")).toContainText(minutes);
    });
  }

  test("the root page names all 22 languages in themselves, with lang and dir", async ({ browser, baseURL }) => {
    // A Swahili browser: a language the site lacks, so the root is not redirected.
    const page = await (await browser.newContext({ locale: "sw", baseURL: baseURL! })).newPage();
    await page.goto(at("/"));
    await expect(page.locator(".language-grid a")).toHaveCount(22);
    await expect(page.locator('.language-grid a[lang="ar"]')).toHaveAttribute("dir", "rtl");
    await expect(page.locator('.language-grid a[lang="ar"] .language-grid__name')).toHaveText("العربية");
    await expect(page.locator('.language-grid a[lang="ja"] .language-grid__name')).toHaveText("日本語");
  });
});

test.describe("a Markdown document with front matter", () => {
  test("is published at its front matter slug, in its front matter language", async ({ page }) => {
    expect(urlOf("pt-BR.md")).toBe("/pt-BR/padarias-de-bairro/");
    await page.goto(urlOf("pt-BR.md"));
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(page.locator("h1")).toHaveText("Padarias de bairro e a arte da paciência");
    await expect(page.locator(".article__meta time")).toHaveAttribute("datetime", "2024-03-05");
    await expect(page.locator(".article__meta time")).toHaveText("Publicado em 5 de março de 2024");
  });

  test("its front matter date is its publication date, in the page and in its structured data", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("pt-BR.md"));
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld.datePublished).toBe("2024-03-05");
  });

  test("borrows Portuguese UI strings, Brazil's, for Brazilian Portuguese through the fallback chain", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("pt-BR.md"));
    await expect(page.locator(".skip-link")).toHaveText("Pular para o conteúdo");
  });

  test("shows markup it contains as text, never running it", PREFIX_BLIND, async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(urlOf("pt-BR.md"));
    await expect(page.locator(".article__body code")).toHaveText('<script>alert("oi")</script>');
    await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test.describe("on a phone", () => {
  for (const [name, path] of [
    ["the coverage page of 22 languages", "/ja/coverage/"],
    ["the Japanese article", () => urlOf("ja.txt")],
    ["the Arabic home", "/ar/"],
    ["the root", "/"],
  ] as const) {
    test(`${name} does not scroll sideways`, PREFIX_BLIND, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(typeof path === "string" ? path : path());
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});

test.describe("slugs in every script", () => {
  test("a Japanese and a Hebrew article live at their titles' own words, percent-encoded where a URL must be", async ({ page }) => {
    for (const [file, words] of [
      ["ja.txt", "旧市街の朝は"],
      ["he.txt", "הבוקר-בעיר-העתיקה"],
      ["zh.txt", "老城的早晨"],
    ] as const) {
      expect(urlOf(file)).toContain(words);
      const response = await page.goto(urlOf(file));
      expect(response?.status()).toBe(200);
      expect(decodeURI(new URL(page.url()).pathname)).toContain(words);
      const canonical = (await page.locator('link[rel="canonical"]').getAttribute("href")) ?? "";
      expect(canonical).toMatch(/^[\x21-\x7e]+$/); // ASCII only: percent-encoded
      expect(decodeURI(canonical)).toContain(words);
    }
  });

  test("Russian and Greek titles are transliterated to ASCII", PREFIX_BLIND, () => {
    expect(urlOf("ru.txt")).toMatch(/^\/ru\/[a-z0-9-]+\/$/);
    expect(urlOf("el.txt")).toMatch(/^\/el\/[a-z0-9-]+\/$/);
  });
});

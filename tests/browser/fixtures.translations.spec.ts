import { validateHreflang } from "../../src/check/hreflang.ts";
import { at, expect, PREFIX_BLIND, publishedBy, siteDir, siteUrl, test } from "./test.ts";

const published = publishedBy("reports/fixture-site.json");
const urlOf = (file: string) => published.get(file)!.url!;

test("the hreflang validator finds no break anywhere in the 22-language fixture build", () => {
  expect(validateHreflang(siteDir(), siteUrl())).toEqual([]);
});

test("the bakery article's switcher is one button that opens its 19 languages without JavaScript", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  const menu = page.locator("#switcher-menu");
  await expect(page.locator(".switcher__button")).toHaveText(/English/);
  await expect(menu).toBeHidden();
  await expect(menu.locator(".switcher__list:not(.switcher__list--homes) a")).toHaveCount(19);
  await expect(menu.locator('a[lang="fa"]')).toHaveAttribute("dir", "rtl");
  await page.locator(".switcher__button").click();
  await page.locator('#switcher-menu a[lang="he"]').click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator('#switcher-menu a[aria-current="page"]')).toHaveAttribute("lang", "he");
});

test("the switcher says which languages lack the article and offers their homes, which hreflang leaves out", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  const homes = page.locator("#switcher-menu .switcher__list--homes a");
  await expect(page.locator("#switcher-elsewhere")).toHaveText("Not available in these languages; their home pages:");
  const offered = await homes.evaluateAll((as) => as.map((a) => `${a.getAttribute("lang")} ${a.getAttribute("href")}`));
  expect(offered.length).toBeGreaterThan(0);
  for (const line of offered) expect(line).toMatch(/^(\S+) .*\/\1\/$/);
  const hreflang = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => l.getAttribute("hreflang")));
  for (const line of offered) expect(hreflang).not.toContain(line.split(" ")[0]);
  expect(hreflang.length).toBe(19 + 1);
});

test("an article on the same theme but not a translation stands alone", PREFIX_BLIND, async ({ page }) => {
  await page.goto(urlOf("pt-BR.md"));
  await expect(page.locator("#switcher-menu .switcher__list:not(.switcher__list--homes) a")).toHaveCount(1);
  await expect(page.locator('#switcher-menu a[aria-current="page"]')).toHaveAttribute("lang", "pt-BR");
});

test.describe("search in other scripts", () => {
  test.describe.configure({ timeout: 60_000 });
  test("«パン職人» from the Japanese search page shows the bakery article in Japanese with all 18 other translations, its excerpt unbroken", PREFIX_BLIND, async ({ page }) => {
    await page.goto(`/ja/search/?q=${encodeURIComponent("パン職人")}`);
    await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 30_000 });
    const result = page.locator(".search-result").first();
    await expect(result).toHaveAttribute("lang", "ja");
    await expect(result.locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("ja.txt")));
    await expect(result.locator(".teaser__langs a")).toHaveCount(18);
    await expect(result.locator(".teaser__summary")).toContainText("パン職人は日の出前に");
    await expect(result.locator(".teaser__summary mark").first()).toHaveText("パン職人");
  });

  test("from the English search page, a Hebrew word finds the bakery article shown in English", async ({ page }) => {
    await page.goto(`/en/search/?q=${encodeURIComponent("האופה")}`);
    await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 30_000 });
    await expect(page.locator(".search-result").first()).toHaveAttribute("lang", "en");
    await expect(page.locator(".search-result .teaser__title a").first()).toHaveAttribute("href", at(urlOf("en.txt")));
  });

  test("from the Brazilian Portuguese search page, a Hebrew word finds the bakery article shown in Portuguese, the nearest form of the reader's language", async ({ page }) => {
    await page.goto(`/pt-BR/search/?q=${encodeURIComponent("האופה")}`);
    await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 30_000 });
    await expect(page.locator(".search-result").first()).toHaveAttribute("lang", "pt");
    await expect(page.locator(".search-result .teaser__title a").first()).toHaveAttribute("href", at(urlOf("pt.txt")));
  });

  for (const [word, lang] of [
    ["面包师", "zh"],
    ["パン職人", "ja"],
    ["האופה", "he"],
    ["хлеба", "ru"],
  ] as const) {
    test(`«${word}» finds the ${lang} bakery article from the English search page`, PREFIX_BLIND, async ({ page }) => {
      await page.goto(`/en/search/?q=${encodeURIComponent(word)}`);
      // The first query loads all 22 languages' bundles: give a loaded 2-core machine time.
      await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 30_000 });
      const links = await page.locator(".search-result a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(links).toContain(at(urlOf(`${lang}.txt`)));
    });
  }
});

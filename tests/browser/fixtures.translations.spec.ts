import { validateHreflang } from "../../src/check/hreflang.ts";
import { at, expect, publishedBy, siteDir, siteUrl, test } from "./test.ts";

const published = publishedBy("reports/fixture-site.json");
const urlOf = (file: string) => published.get(file)!.url!;

test("the hreflang validator finds no break anywhere in the 22-language fixture build", () => {
  expect(validateHreflang(siteDir(), siteUrl())).toEqual([]);
});

test("the bakery article's switcher folds its 19 languages into a menu that opens without JavaScript", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  await expect(page.locator("nav.switcher a")).toHaveCount(19);
  await expect(page.locator('nav.switcher a[lang="fa"]')).toHaveAttribute("dir", "rtl");
  await expect(page.locator('nav.switcher a[lang="he"]')).toBeHidden();
  await page.locator("nav.switcher summary").click();
  await page.locator('nav.switcher a[lang="he"]').click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator('nav.switcher a[aria-current="page"]')).toHaveAttribute("lang", "he");
});

test("an article on the same theme but not a translation stands alone", async ({ page }) => {
  await page.goto(urlOf("pt-BR.md"));
  await expect(page.locator("nav.switcher li")).toHaveCount(0);
});

test.describe("search in other scripts", () => {
  test.describe.configure({ timeout: 60_000 });
  for (const [word, lang] of [["面包师", "zh"], ["パン職人", "ja"], ["האופה", "he"], ["хлеба", "ru"]] as const) {
    test(`«${word}» finds the ${lang} bakery article from the English search page`, async ({ page }) => {
      await page.goto(`/en/search/?q=${encodeURIComponent(word)}`);
      // The first query loads all 22 languages' bundles: give a loaded 2-core machine time.
      await expect(page.locator("[data-search-status]")).not.toHaveText(/^$|…$/, { timeout: 30_000 });
      const links = await page.locator(".search-result a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(links).toContain(at(urlOf(`${lang}.txt`)));
    });
  }
});

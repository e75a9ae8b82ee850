import { join } from "node:path";
import { validateHreflang } from "../../src/check/hreflang.ts";
import { absoluteUrl, loadSettings } from "../../src/settings.ts";
import { expect, publishedBy, test } from "./test.ts";

const published = publishedBy("reports/fixture-site.json");
const urlOf = (file: string) => published.get(file)!.url!;

test("the hreflang validator finds no break anywhere in the 22-language fixture build", () => {
  const site = absoluteUrl(loadSettings({}), "").replace(/\/$/, "");
  expect(validateHreflang(join(import.meta.dirname, "../../reports/fixture-site"), site)).toEqual([]);
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

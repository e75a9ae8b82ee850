import { accessibilityGates, tabTo } from "./a11y.ts";
import { at, DELIBERATE_404, expect, publishedBy, test } from "./test.ts";

const published = publishedBy("reports/fixture-site.json");
const urlOf = (file: string) => published.get(file)!.url!;

// Right to left (Arabic, Hebrew) and CJK (Japanese, Chinese) pages of every type the fixtures have.
accessibilityGates({
  "Arabic article": () => urlOf("ar.txt"),
  "Arabic home": "/ar/",
  "Hebrew article with the folded switcher": () => urlOf("he.txt"),
  "Arabic 404": `/ar${DELIBERATE_404}/`,
  "Japanese article": () => urlOf("ja.txt"),
  "Japanese home": "/ja/",
  "Chinese search with results": "/zh/search/?q=%E9%9D%A2%E5%8C%85%E5%B8%88",
  coverage: "/coverage/",
});

test("the folded language menu opens and is followed by keyboard alone", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  const summary = page.locator("nav.switcher summary");
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  await expect(page.locator('nav.switcher a[lang="ja"]')).toBeVisible();
  await tabTo(page, page.locator('nav.switcher a[lang="ja"]'));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(at(urlOf("ja.txt")));
});

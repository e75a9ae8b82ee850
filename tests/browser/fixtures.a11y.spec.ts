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

test("the language menu opens and is followed by keyboard alone", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  const button = page.locator(".switcher__button");
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(page.locator('#switcher-menu a[lang="ja"]')).toBeVisible();
  await tabTo(page, page.locator('#switcher-menu a[lang="ja"]'));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(at(urlOf("ja.txt")));
});

test("the language menu closes with Escape and gives focus back to its button", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  const button = page.locator(".switcher__button");
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(page.locator("#switcher-menu:popover-open")).toHaveCount(1);
  await tabTo(page, page.locator('#switcher-menu a[lang="ja"]'));
  await page.keyboard.press("Escape");
  await expect(page.locator("#switcher-menu")).toBeHidden();
  await expect(button).toBeFocused();
});

test("the language menu closes with a click outside it", async ({ page }) => {
  await page.goto(urlOf("en.txt"));
  await page.locator(".switcher__button").click();
  await expect(page.locator("#switcher-menu")).toBeVisible();
  const menu = (await page.locator("#switcher-menu").boundingBox())!;
  await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height + 40);
  await expect(page.locator("#switcher-menu")).toBeHidden();
});

test("every language name in the menu carries its own lang, so a Japanese page sets Greek in a Greek face", async ({ page }) => {
  await page.goto(urlOf("ja.txt"));
  const fonts = await page.locator("#switcher-menu a").evaluateAll((as) => Object.fromEntries(as.map((a) => [a.getAttribute("lang"), getComputedStyle(a).fontFamily])));
  expect(Object.keys(fonts)).toContain("el");
  expect(fonts.el).not.toMatch(/CJK|Hiragino|Yu Gothic|Meiryo/);
  expect(fonts.ja).toMatch(/Hiragino|Noto Sans CJK JP/);
});

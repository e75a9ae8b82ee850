import { accessibilityGates, tabTo, violations } from "./a11y.ts";
import { at, DELIBERATE_404, expect, publishedBy, test } from "./test.ts";

const published = [...publishedBy("reports/build-report.json").values()];
const urlOf = (prefix: string) => published.find((d) => d.file.startsWith(prefix))!.url!;

accessibilityGates({
  root: "/",
  "language home": "/es/",
  article: () => urlOf("000"),
  "article with credits": () => urlOf("004"),
  "author page": "/fr/authors/seamus-phan/",
  "search with results": "/de/search/?q=Seamus%20Phan",
  coverage: "/coverage/",
  "404": `/fr${DELIBERATE_404}/`,
});

test("the accessibility gate fails an article made inaccessible: faint text, an unnamed link, an image without alt", async ({ page }) => {
  await page.goto(urlOf("000"));
  await page.evaluate((icon) => {
    document.querySelector<HTMLElement>(".article__body")!.style.color = "#ddd";
    const link = document.querySelector("nav.switcher a")!;
    link.textContent = "";
    link.removeAttribute("aria-label");
    document.querySelector("main")!.append(Object.assign(document.createElement("img"), { src: icon }));
  }, at("/favicon.svg"));
  const found = (await violations(page)).map((v) => v.split(":")[0]);
  expect(found).toEqual(expect.arrayContaining(["color-contrast", "link-name", "image-alt"]));
});

test.describe("keyboard only", () => {
  test("the language switcher is reached with Tab and followed with Enter", async ({ page }) => {
    await page.goto(urlOf("000"));
    const german = page.locator('nav.switcher a[lang="de"]');
    await tabTo(page, german);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(at(urlOf("001")));
  });

  test("the skip link is the first stop and moves to the content", async ({ page }) => {
    await page.goto(urlOf("001"));
    await page.keyboard.press("Tab");
    await expect(page.locator(".skip-link")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

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
    const link = document.querySelector(".also-in a")!;
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
    await tabTo(page, page.locator(".switcher__button"));
    await page.keyboard.press("Enter");
    const german = page.locator('#switcher-menu a[lang="de"]');
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

  test("every Tab stop on an article is visible when it has focus", async ({ page }) => {
    await page.goto(urlOf("000"));
    const seen: string[] = [];
    for (let k = 0; k < 60; k++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return undefined;
        const box = el.getBoundingClientRect();
        // Hidden the way .visually-hidden hides: clipped away, transparent, or outside the window.
        let hiddenBy = "";
        for (let e: Element | null = el; e && !hiddenBy; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.clipPath !== "none") hiddenBy = `clip-path on ${e.tagName.toLowerCase()}`;
          else if (style.opacity === "0" || style.visibility === "hidden") hiddenBy = `opacity or visibility on ${e.tagName.toLowerCase()}`;
        }
        if (!hiddenBy && (box.width < 4 || box.height < 4)) hiddenBy = `a box of ${box.width}×${box.height} px`;
        if (!hiddenBy && (box.bottom < 0 || box.right < 0 || box.top > innerHeight || box.left > innerWidth)) hiddenBy = "a place outside the window";
        return { what: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`, hiddenBy };
      });
      if (!stop || seen.includes(stop.what)) break; // back at the start
      seen.push(stop.what);
      expect(stop.hiddenBy, `${stop.what} has focus but is hidden by ${stop.hiddenBy}`).toBe("");
    }
    expect(seen.length).toBeGreaterThan(3);
  });

  test("Enter in the header's search box opens the search page with the query", async ({ page }) => {
    await page.goto(urlOf("000"));
    await page.locator("#site-search-q").fill("Seamus");
    await page.locator("#site-search-q").press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=Seamus$/);
  });
});

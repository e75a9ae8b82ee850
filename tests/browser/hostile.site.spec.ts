/** The hostile-input corpus built into a site: what was odd in the input is plain and safe in the output. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { LONG_WORD, MARKUP_WORD } from "../fixtures/hostile.ts";
import { siteGates } from "./gates.ts";
import { expect, publishedBy, searchFrom, test } from "./test.ts";

const published = publishedBy("reports/hostile-site.json");
const urlOf = (file: string) => published.get(file)!.url!;
/** Pieces of the markup document that would be elements if any stage let them through. */
const MARKUP = ["<script>window.__pwned", "</script><script>", "<!-- a comment that never ends", "<img src=x onerror=", "{{ 7 * 7 }}"];

test.describe("a document that is all markup", () => {
  for (const file of ["all-markup.txt", "all-markup.md"]) {
    test(`${file} shows its markup as text on the page and runs none of it`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on("dialog", async (d) => (dialogs.push(d.message()), d.dismiss()));
      await page.goto(urlOf(file));
      const body = page.locator(".article__body");
      for (const piece of MARKUP) await expect(body).toContainText(piece);
      await expect(page.locator("h1")).toContainText("<script>");
      await expect(body.locator("script, img, a[href^='javascript:']")).toHaveCount(0);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await expect(page).toHaveTitle(/^<script>/);
    });
  }

  test("its JSON-LD parses and carries the markup as text", async ({ page }) => {
    await page.goto(urlOf("all-markup.txt"));
    const data = await page.locator('script[type="application/ld+json"]').evaluate((s) => JSON.parse(s.textContent ?? "") as { headline: string; description: string });
    expect(data.headline).toContain("<script>window.__pwned");
    expect(data.description).toContain("</script><script>");
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  });

  test("its search excerpt shows the markup as text", async ({ page }) => {
    const results = await searchFrom(page, "en", MARKUP_WORD, "en");
    const result = results.filter({ has: page.locator(`a[href="${urlOf("all-markup.txt")}"]`) });
    await expect(result).toHaveCount(1);
    await expect(result.locator(".teaser__summary")).toContainText("<img src=x onerror=");
    await expect(results.locator(".teaser__summary").locator("script, img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  test("the Atom feed stays well-formed XML and carries the markup as text", async ({ request }) => {
    const xml = await (await request.get("/en/feed.xml")).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(xml) as { feed: { entry: { title: string }[] } };
    const titles = feed.feed.entry.map((e) => String(e.title));
    expect(titles.filter((t) => t.startsWith("<script>window.__pwned"))).toHaveLength(2);
  });

  test("the JSON feed carries the markup as text", async ({ request }) => {
    const feed = (await (await request.get("/en/feed.json")).json()) as { items: { title: string; content_text?: string; content_html?: string }[] };
    const items = feed.items.filter((i) => i.title.startsWith("<script>window.__pwned"));
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.content_text ?? i.content_html ?? "").join("\n")).toContain("</script><script>");
  });
});

test.describe("other odd input, published", () => {
  test("a UTF-16 document reads as its language on the page", async ({ page }) => {
    await page.goto(urlOf("utf16le-bom.txt"));
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.locator("h1")).toHaveText(/^旧市街の朝は/);
  });

  test("a title of one word longer than a phone's line wraps instead of widening its page or its language's list", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const url = urlOf("long-word-title.txt");
    await page.goto(url);
    await expect(page.locator("h1")).toContainText(LONG_WORD);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto("/fi/");
    await expect(page.locator(`.teaser__title a[href="${url}"]`)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("the 5 MB document is served whole, down to its last paragraph", async ({ page }) => {
    await page.goto(urlOf("large-5mb.txt"));
    const last = await page.locator(".article__body p").last().textContent();
    expect(last).toMatch(/\(\d{4,}\)$/);
  });
});

siteGates();

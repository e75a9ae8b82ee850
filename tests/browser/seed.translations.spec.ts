import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { validateHreflang } from "../../src/check/hreflang.ts";
import type { Locator } from "@playwright/test";
import { at, expect, PREFIX_BLIND, publishedBy, siteDir, siteUrl, test } from "./test.ts";

const published = [...publishedBy("reports/build-report.json").values()];
const urlOf = (prefix: string) => published.find((d) => d.file.startsWith(prefix))!.url!;

test.describe("translations are linked", () => {
  test("from the Spanish seed article the switcher leads to the German, French and Indonesian versions and back", async ({ page }) => {
    await page.goto(urlOf("000"));
    for (const [name, lang, prefix] of [
      ["Deutsch", "de", "001"],
      ["Français", "fr", "002"],
      ["Indonesia", "id", "003"],
    ] as const) {
      await page.locator(".switcher__button").click();
      await page.locator("nav.switcher").getByRole("link", { name }).click();
      await expect(page).toHaveURL(at(urlOf(prefix)));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await page.locator(".switcher__button").click();
      await page.locator("nav.switcher").getByRole("link", { name: "Español" }).click();
      await expect(page).toHaveURL(at(urlOf("000")));
    }
  });

  test("the switcher names each language in itself, with lang and hreflang, and marks the current one", async ({ page }) => {
    await page.goto(urlOf("002"));
    const links = page.locator("nav.switcher a");
    const seen = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("lang"), a.getAttribute("hreflang"), a.getAttribute("aria-current")]));
    expect(seen).toEqual([
      ["Deutsch", "de", "de", null],
      ["Español", "es", "es", null],
      ["Français", "fr", "fr", "page"],
      ["Indonesia", "id", "id", null],
    ]);
  });

  test("a search page offers only languages that have articles", async ({ page }) => {
    await page.goto("/es/search/");
    await expect(page.locator("#switcher-menu a")).toHaveText(["Deutsch", "Español", "Français", "Indonesia"]);
  });

  test("an article with translations says so near its title", PREFIX_BLIND, async ({ page }) => {
    await page.goto(urlOf("001"));
    await expect(page.locator(".also-in")).toContainText("Auch auf");
    await expect(page.locator(".also-in a")).toHaveText(["Español", "Français", "Indonesia"]);
  });

  test("004 offers no other version, only the other languages' homes", async ({ page }) => {
    await page.goto(urlOf("004"));
    await expect(page.locator("#switcher-menu .switcher__list:not(.switcher__list--homes) a")).toHaveText(["Español"]);
    await expect(page.locator("#switcher-menu .switcher__list--homes a")).toHaveText(["Deutsch", "Français", "Indonesia"]);
    await expect(page.locator("#switcher-menu .switcher__list--homes a").first()).toHaveAttribute("href", at("/de/"));
    await expect(page.locator("#switcher-elsewhere")).toHaveText("No está en estos idiomas; sus portadas:");
    await expect(page.locator(".also-in")).toHaveCount(0);
    await expect(page.locator('link[rel="alternate"][hreflang]:not([type])')).toHaveCount(0);
  });

  test("every article and language home has hreflang links whose targets are built pages", async ({ page, request }) => {
    const pages = ["/", "/es/", "/de/", "/fr/", "/id/", ...published.map((d) => d.url!)];
    for (const path of pages) {
      await page.goto(path);
      const hrefs = await page.locator('link[rel="alternate"][hreflang]:not([type])').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")!));
      if (path !== urlOf("004")) expect(hrefs.length, path).toBeGreaterThan(1);
      for (const href of hrefs) {
        expect(href.startsWith(`${siteUrl()}/`), href).toBe(true);
        const response = await request.get(href.slice(siteUrl().length));
        expect(response.status(), href).toBe(200);
      }
    }
  });

  test("each page's html lang is its own hreflang, and its canonical URL is itself", async ({ page }) => {
    await page.goto(urlOf("003"));
    await expect(page.locator(`link[rel="alternate"][hreflang="id"]:not([type])`)).toHaveAttribute("href", `${siteUrl()}${urlOf("003")}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${siteUrl()}${urlOf("003")}`);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "id_ID");
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", `${siteUrl()}/`);
  });

  test("the hreflang validator finds no break anywhere in the seed build", () => {
    expect(validateHreflang(siteDir(), siteUrl())).toEqual([]);
  });

  test("sitemap.xml lists every page, with the seed article's four alternates on each of its members", async ({ request }) => {
    const xml = await (await request.get("/sitemap.xml")).text();
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => n === "url" || n === "xhtml:link" }).parse(xml);
    const urls = parsed.urlset.url as { loc: string; lastmod?: string; "xhtml:link"?: { hreflang: string; href: string }[] }[];
    expect(urls.map((u) => u.loc)).toEqual(expect.arrayContaining(published.map((d) => `${siteUrl()}${d.url}`)));
    for (const prefix of ["000", "001", "002", "003"]) {
      const entry = urls.find((u) => u.loc === `${siteUrl()}${urlOf(prefix)}`)!;
      expect(entry["xhtml:link"]!.map((l) => l.hreflang).sort()).toEqual(["de", "es", "fr", "id", "x-default"]);
      expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(urls.find((u) => u.loc === `${siteUrl()}${urlOf("004")}`)!["xhtml:link"]).toBeUndefined();
  });

  test("robots.txt points at the sitemap", async ({ request }) => {
    expect(await (await request.get("/robots.txt")).text()).toContain(`Sitemap: ${siteUrl()}/sitemap.xml`);
  });
});

test.describe("translation coverage", () => {
  test("the coverage page shows the seed article in all four languages and 004 with three gaps", async ({ page }) => {
    await page.goto("/coverage/");
    await expect(page.locator("thead th")).toHaveText(["Article", "de", "es", "fr", "id"]);
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    const full = rows.filter({ has: page.locator(`a[href="${at(urlOf("000"))}"]`) });
    await expect(full.locator("td").filter({ has: page.locator("a") })).toHaveCount(4);
    const alone = rows.filter({ has: page.locator(`a[href="${at(urlOf("004"))}"]`) });
    const gaps = alone.locator("td").filter({ hasNot: page.locator("a") });
    await expect(gaps).toHaveCount(3);
    await expect(gaps.first()).toContainText("missing");
  });

  test("on a phone, each present cell's link is a touch target of at least 44 by 44 pixels", PREFIX_BLIND, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/coverage/");
    const boxes = await page.locator("tbody td > a").evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((b) => ({ w: Math.round(b.width), h: Math.round(b.height) })));
    expect(boxes.length).toBeGreaterThan(0);
    for (const { w, h } of boxes) expect(w >= 44 && h >= 44, `a ${w}×${h} px target`).toBe(true);
  });

  test("every page's footer links the coverage page in the page's language", async ({ page }) => {
    await page.goto(urlOf("000"));
    await page.locator(".site-footer").getByRole("link", { name: "Cobertura de traducciones" }).click();
    await expect(page).toHaveURL(at("/es/coverage/"));
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.locator("h1")).toHaveText("Cobertura de traducciones");
    await expect(page.locator("thead th").first()).toHaveText("Artículo");
  });

  test("the German coverage page names the seed article's row in German, and 004's in its own Spanish", PREFIX_BLIND, async ({ page }) => {
    await page.goto("/de/coverage/");
    const heads = page.locator("tbody th");
    await expect(heads.filter({ hasText: "Es erscheint lächerlich" })).toHaveAttribute("lang", "de");
    await expect(heads.filter({ hasText: "Después del post" })).toHaveAttribute("lang", "es");
  });

  test("a missing translation is the empty cell the legend speaks of, read aloud as missing", PREFIX_BLIND, async ({ page }) => {
    await page.goto("/de/coverage/");
    await expect(page.locator(".page__lede")).toContainText("Eine leere Zelle ist eine fehlende Übersetzung.");
    const missing = page.locator("tbody td").filter({ hasNot: page.locator("a") });
    await expect(missing).toHaveCount(3);
    // Nothing shows in the cell: all it holds is the word for screen readers.
    const shown = await missing.evaluateAll((cells) => cells.map((c) => [...c.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains("visually-hidden"))).length));
    expect(shown).toEqual([0, 0, 0]);
    await expect(missing.first()).toHaveText("fehlt");
    // What a sighted reader sees instead: a tinted cell, unlike one that holds a ✓.
    const tint = (cell: Locator) => cell.evaluate((c) => getComputedStyle(c).backgroundColor);
    const present = page.locator("tbody td").filter({ has: page.locator("a") });
    expect(await tint(missing.first())).not.toBe(await tint(present.first()));
  });
});

test("the build report lists the group with its members, evidence and score, and 004 alone", PREFIX_BLIND, () => {
  const report = JSON.parse(readFileSync(join(import.meta.dirname, "../../reports/build-report.json"), "utf8"));
  const [group] = report.translations.groups;
  expect(group.members.map((m: { lang: string }) => m.lang)).toEqual(["de", "es", "fr", "id"]);
  expect(group.score).toBeGreaterThan(0.5);
  expect(group.evidence).toHaveLength(6);
  expect(report.translations.alone.map((a: { file: string }) => a.file.slice(0, 3))).toEqual(["004"]);
});

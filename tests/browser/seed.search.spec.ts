import { at, expect, publishedBy, searchFrom, siteDir, siteUrl, test } from "./test.ts";

const published = [...publishedBy("reports/build-report.json").values()];
const urlOf = (prefix: string) => published.find((d) => d.file.startsWith(prefix))!.url!;

test.describe("search across languages", () => {
  test("from the Spanish search page, «clientes» finds both Spanish articles, one result per article", async ({ page }) => {
    const results = await searchFrom(page, "es", "clientes");
    await expect(results).toHaveCount(2);
    // A Spanish article may be led by a translation that matched better; its Spanish link is in the entry.
    const spanish = await page.locator(`.search-result a[href^="${at("/es/")}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(spanish.sort()).toEqual([urlOf("000"), urlOf("004")].map(at).sort());
  });

  test("from the German search page, a French word from 002 finds the French article", async ({ page }) => {
    const results = await searchFrom(page, "de", "fournisseur");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("lang", "fr");
    await expect(results.first().locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("002")));
  });

  test("an inflected Indonesian form finds 003 through the Indonesian stemmer, searched from a Spanish page", async ({ page }) => {
    const results = await searchFrom(page, "es", "pelanggannya");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("lang", "id");
    await expect(results.first().locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("003")));
  });

  test("«Seamus Phan» returns the four-language article as one result listing es, de, fr and id, and not 004", async ({ page }) => {
    const results = await searchFrom(page, "de", "Seamus Phan");
    await expect(results).toHaveCount(1);
    const langs = [await results.first().getAttribute("lang"), ...(await results.first().locator(".also-in a").evaluateAll((as) => as.map((a) => a.getAttribute("lang"))))];
    expect(langs.sort()).toEqual(["de", "es", "fr", "id"]);
    await expect(page.locator(`.search-result a[href="${at(urlOf("004"))}"]`)).toHaveCount(0);
  });

  test("the language filter narrows the results to one language", async ({ page }) => {
    const all = await searchFrom(page, "es", "Seamus Phan");
    await expect(all.first().locator(".also-in a")).toHaveCount(3);
    const only = await searchFrom(page, "es", "Seamus Phan", "id");
    await expect(only).toHaveCount(1);
    await expect(only.first()).toHaveAttribute("lang", "id");
    await expect(only.first().locator(".also-in")).toHaveCount(0);
  });

  test("the query and filter live in the URL: a link shows the results and Back returns to the previous query", async ({ page }) => {
    await page.goto("/es/search/?q=fournisseur");
    await expect(page.locator(".search-result")).toHaveCount(1);
    await expect(page.locator("#search-q")).toHaveValue("fournisseur");
    await page.locator("#search-q").fill("pelanggannya");
    await page.locator("#search-q").press("Enter");
    await expect(page).toHaveURL(/\?q=pelanggannya$/);
    await expect(page.locator(".search-result").first()).toHaveAttribute("lang", "id");
    await page.goBack();
    await expect(page.locator("#search-q")).toHaveValue("fournisseur");
    await expect(page.locator(".search-result").first()).toHaveAttribute("lang", "fr");
  });

  test("the result count is announced in the page's language, and a miss says so", async ({ page }) => {
    await searchFrom(page, "de", "fournisseur");
    await expect(page.locator('[data-search-status][role="status"]')).toHaveText("Ergebnisse: 1");
    await searchFrom(page, "de", "zzzzqqq");
    await expect(page.locator("[data-search-status]")).toHaveText("Nichts gefunden für „zzzzqqq“.");
  });

  test("the header search box of an article leads to its language's search page, by keyboard", async ({ page }) => {
    await page.goto(urlOf("001"));
    await page.locator("#site-search-q").fill("fournisseur");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/search\/\?q=fournisseur$/);
    await expect(page.locator(".search-result")).toHaveCount(1);
  });

  test("only the article body and title are indexed: chrome and footers are not", async ({ page }) => {
    // "Cobertura" is in every Spanish footer; "Sobre el autor" in the author box.
    const results = await searchFrom(page, "es", "cobertura");
    await expect(results).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search page says what to do instead", async ({ page }) => {
    await page.goto("/es/search/?q=clientes");
    await expect(page.locator(".search-noscript")).toBeVisible();
    await expect(page.locator(".search-noscript")).toContainText("JavaScript");
  });
});

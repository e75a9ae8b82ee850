import type { Locator, Page } from "@playwright/test";
import { at, expect, PREFIX_BLIND, publishedBy, searchFrom, test } from "./test.ts";

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

  test("from the German search page, a French word from 002 finds the article and shows it in German, listing every translation", async ({ page }) => {
    const results = await searchFrom(page, "de", "fournisseur");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("lang", "de");
    await expect(results.first().locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("001")));
    await expect(results.first().locator(".teaser__langs a")).toHaveText(["Español", "Français", "Indonesia"]);
    await expect(results.first().locator('.teaser__langs a[lang="fr"]')).toHaveAttribute("href", at(urlOf("002")));
  });

  test("an inflected Indonesian form finds 003 through the Indonesian stemmer, and a Spanish page shows the article in Spanish", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "es", "pelanggannya");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("lang", "es");
    await expect(results.first().locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("000")));
    await expect(results.first().locator('.teaser__langs a[lang="id"]')).toHaveAttribute("href", at(urlOf("003")));
  });

  test("an article that has no version in the reader's language is shown in the language that matched, and says which", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "de", "Clint Eastwood");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toHaveAttribute("lang", "es");
    await expect(results.first().locator(".teaser__lang")).toHaveText("Español");
    await expect(results.first().locator(".teaser__title a")).toHaveAttribute("href", at(urlOf("004")));
  });

  test("«clientes» from the Spanish page ranks Spanish articles above a French one that matched as well", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "es", "clientes");
    const langs = await results.evaluateAll((lis) => lis.map((li) => li.getAttribute("lang")));
    expect(langs).toEqual(["es", "es"]);
  });

  test("«Seamus Phan» returns the four-language article as one result listing es, de, fr and id, and not 004", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "de", "Seamus Phan");
    await expect(results).toHaveCount(1);
    const langs = [
      await results.first().getAttribute("lang"),
      ...(await results
        .first()
        .locator(".teaser__langs a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("lang")))),
    ];
    expect(langs.sort()).toEqual(["de", "es", "fr", "id"]);
    await expect(page.locator(`.search-result a[href="${at(urlOf("004"))}"]`)).toHaveCount(0);
  });

  test("an excerpt comes from the body: it does not repeat the title or the byline", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "de", "Seamus Phan");
    const title = (await results.first().locator(".teaser__title").textContent()) ?? "";
    const summary = (await results.first().locator(".teaser__summary").textContent()) ?? "";
    expect(summary).not.toContain("Von Seamus Phan");
    expect(summary).not.toContain(title.replace(/…$/, "").slice(0, 40));
    expect(summary.length).toBeGreaterThan(40);
  });

  test("a word that only shares its first letters with the query finds nothing, and the page says what to try next", PREFIX_BLIND, async ({ page }) => {
    const results = await searchFrom(page, "es", "lawsuit");
    await expect(results).toHaveCount(0);
    await expect(page.locator("[data-search-status]")).toHaveText("No se encontró nada para «lawsuit». Pruebe con otras palabras o con menos, revise la ortografía o elija «Todos los idiomas».");
  });

  /** From a linked «fournisseur» search to «Eastwood», asked for by `ask`, and Back again. */
  async function askThenGoBack(page: Page, ask: (box: Locator) => Promise<void>) {
    await page.goto("/es/search/?q=fournisseur");
    await expect(page.locator(".search-result")).toHaveCount(1);
    await expect(page.locator("#search-q")).toHaveValue("fournisseur");
    await ask(page.locator("#search-q"));
    await expect(page).toHaveURL(/\?q=Eastwood$/);
    await expect(page.locator(".search-result .teaser__title a")).toHaveAttribute("href", at(urlOf("004")));
    await page.goBack();
    await expect(page.locator("#search-q")).toHaveValue("fournisseur");
    await expect(page.locator(".search-result .teaser__title a")).toHaveAttribute("href", at(urlOf("000")));
  }

  test("results come while typing, with the query in the URL, and Back returns to the previous query", async ({ page }) => {
    await askThenGoBack(page, async (box) => {
      await box.clear();
      await box.pressSequentially("Eastwood", { delay: 20 });
    });
  });

  test("the language filter offers exactly the languages that have articles", PREFIX_BLIND, async ({ page }) => {
    await page.goto("/es/search/");
    await expect(page.locator("#search-lang option")).toHaveText(["Todos los idiomas", "Deutsch", "Español", "Français", "Indonesia"]);
  });

  test("the language filter narrows the results to one language and still lists every translation", PREFIX_BLIND, async ({ page }) => {
    const all = await searchFrom(page, "es", "Seamus Phan");
    await expect(all.first().locator(".teaser__langs a")).toHaveCount(3);
    const only = await searchFrom(page, "es", "Seamus Phan", "id");
    await expect(only).toHaveCount(1);
    await expect(only.first()).toHaveAttribute("lang", "id");
    await expect(only.first().locator(".teaser__langs a")).toHaveText(["Deutsch", "Español", "Français"]);
  });

  test("the query and filter live in the URL: a link shows the results and Back returns to the previous query", async ({ page }) => {
    await askThenGoBack(page, async (box) => {
      await box.fill("Eastwood");
      await box.press("Enter");
    });
  });

  test("the result count is announced in the page's language, and a miss says so", PREFIX_BLIND, async ({ page }) => {
    await searchFrom(page, "de", "fournisseur");
    await expect(page.locator('[data-search-status][role="status"]')).toHaveText("Ergebnisse: 1");
    await searchFrom(page, "de", "zzzzqqq");
    await expect(page.locator("[data-search-status]")).toHaveText(/^Nichts gefunden für „zzzzqqq“\. Versuchen Sie andere/);
  });

  test("the header search box of an article leads to its language's search page, by keyboard", async ({ page }) => {
    await page.goto(urlOf("001"));
    await page.locator("#site-search-q").fill("fournisseur");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/search\/\?q=fournisseur$/);
    await expect(page.locator(".search-result")).toHaveCount(1);
  });

  test("only the article body and title are indexed: chrome and footers are not", PREFIX_BLIND, async ({ page }) => {
    // "Cobertura" is in every Spanish footer; "Sobre el autor" in the author box.
    const results = await searchFrom(page, "es", "cobertura");
    await expect(results).toHaveCount(0);
  });
});

test.describe("loading", () => {
  test("results arriving move nothing on the screen: the layout shift stays under 0.02", PREFIX_BLIND, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("/es/search/?q=clientes");
    await expect(page.locator(".search-result")).toHaveCount(2);
    await expect(page.locator("[data-search-status]")).toHaveText("Resultados: 2");
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.02);
  });

  test("a search page fetches no index before the reader asks, and one Pagefind module for every language after", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto("/es/search/");
    await page.waitForLoadState("networkidle");
    expect(fetched.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    await page.locator("#search-q").fill("Seamus Phan");
    await page.locator("#search-q").press("Enter");
    await expect(page.locator("[data-search-status]")).toHaveText("Resultados: 1");
    await page.waitForLoadState("networkidle");
    expect(fetched.filter((p) => p.endsWith("/pagefind.js"))).toHaveLength(1);
    expect(
      fetched
        .filter((p) => p.endsWith(".pagefind"))
        .map((p) => p.split("/").pop())
        .sort(),
    ).toEqual(["wasm.de.pagefind", "wasm.es.pagefind", "wasm.fr.pagefind", "wasm.id.pagefind"]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search page says what to do instead", PREFIX_BLIND, async ({ page }) => {
    await page.goto("/es/search/?q=clientes");
    await expect(page.locator(".search-noscript")).toBeVisible();
    await expect(page.locator(".search-noscript")).toContainText("JavaScript");
  });
});

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_SECURITY_POLICY } from "../../src/deploy/host-files.ts";
import { at, DELIBERATE_404, expect, siteDir, test } from "./test.ts";

const css = () => `/assets/${readdirSync(join(siteDir(), "assets")).find((f) => f.endsWith(".css"))}`;
const pagefindIndex = () => `/pagefind/es/index/${readdirSync(join(siteDir(), "pagefind/es/index"))[0]}`;

test.describe("production headers, served by the preview server from the generated _headers", () => {
  test("HTML pages carry the security headers and revalidate", async ({ request }) => {
    const response = await request.get("/es/");
    const h = response.headers();
    expect(h["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(h["content-security-policy"]).not.toContain("unsafe-inline");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(h["cache-control"]).toBe("public, max-age=0, must-revalidate");
  });

  test("fingerprinted files are cached for good; Pagefind's unhashed runtime revalidates", async ({ request }) => {
    expect((await request.get(css())).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await request.get(pagefindIndex())).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await request.get("/pagefind/es/pagefind.js")).headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect((await request.get(css())).headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });
});

test.describe("redirects, served from the generated _redirects", () => {
  // The browser's locale sets its Accept-Language.
  test("a German browser at / lands on /de/", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "de-DE", baseURL: baseURL! });
    const page = await context.newPage(); // a page of its own context: its paths are written served
    await page.goto(at("/"));
    await expect(page).toHaveURL(at("/de/"));
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await context.close();
  });

  test("the reader's most wanted language that the site has wins", async ({ request }) => {
    const response = await request.get("/", { headers: { "Accept-Language": "ja, fr;q=0.7, es;q=0.9" }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe(at("/es/"));
  });

  test("a Japanese browser, whose language the site lacks, gets the language chooser", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: "ja-JP", baseURL: baseURL! });
    const page = await context.newPage();
    const response = await page.goto(at("/"));
    expect(response?.status()).toBe(200);
    await expect(page.locator(".language-grid a")).toHaveCount(4);
    await context.close();
  });

  test("an unknown path under /fr/ serves the French 404 page with status 404", async ({ page }) => {
    const response = await page.goto(`/fr${DELIBERATE_404}/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.locator("h1")).toHaveText("Page introuvable");
    expect(response?.headers()["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });
});

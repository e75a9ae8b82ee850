/** Gates over a whole built site, run by each project on the site it serves. */
import { validateSiteHtml } from "../../src/check/html.ts";
import { findBrokenLinks } from "../../src/check/links.ts";
import { expect, prefix, PREFIX_BLIND, siteDir, siteUrl, test } from "./test.ts";

export function siteGates(): void {
  test.describe("gates over every built page", () => {
    test("every page passes html-validate's recommended rules", PREFIX_BLIND, async () => {
      expect(await validateSiteHtml(siteDir())).toEqual([]);
    });

    test("every internal link, asset, feed, sitemap URL and hreflang target resolves to a built file", () => {
      const origin = new URL(siteUrl()).origin;
      expect(findBrokenLinks(siteDir(), origin, prefix())).toEqual([]);
    });
  });
}

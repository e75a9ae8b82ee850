/**
 * Eleventy configuration: a table of contents. The work lives in src/ (ingest → detect → render);
 * templates in pages/ and _includes/ only present the model.
 */
import { join } from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import sitePlugin from "./src/eleventy/site-plugin.ts";
import { loadSettings, PROJECT_ROOT } from "./src/settings.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(sitePlugin); // documents → site model, UI strings, filters, stylesheet
  eleventyConfig.addPlugin(HtmlBasePlugin); // every root-relative URL follows the path prefix

  return {
    // No output folder here: Eleventy's default (_site) or --output, and the build passes its own.
    // From the project's folder, not the working directory: a build started elsewhere finds its templates.
    dir: { input: join(PROJECT_ROOT, "pages"), includes: "../_includes", data: "../_data" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    // The build passes the prefix of the settings it built with; this serves the CLI.
    pathPrefix: loadSettings().pathPrefix,
  };
}

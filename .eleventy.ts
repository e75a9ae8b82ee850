/**
 * Eleventy configuration: a table of contents. The work lives in src/ (ingest → detect → render);
 * templates in pages/ and _includes/ only present the model.
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import sitePlugin, { siteModel } from "./src/eleventy/site-plugin.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(sitePlugin); // documents → site model, UI strings, filters, stylesheet
  eleventyConfig.addPlugin(HtmlBasePlugin); // every root-relative URL follows the path prefix

  return {
    dir: { input: "pages", includes: "../_includes", data: "../_data", output: process.env.OUTPUT_DIR ?? "_site" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix: siteModel().settings.pathPrefix,
  };
}

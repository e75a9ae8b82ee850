/** A page that fails to render names its page, through Eleventy's own error wrapping. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import { pageFilter, renderFailure, RenderError } from "../../src/eleventy/site-plugin.ts";

describe("a page that fails to render", () => {
  it("is named by its URL when one of the site's filters throws, however Eleventy wraps the error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "render-failure-"));
    mkdirSync(join(dir, "pages"));
    writeFileSync(join(dir, "pages", "fine.njk"), "---\npermalink: /es/fine/\n---\n{{ 'ok' | broken(false) }}");
    writeFileSync(join(dir, "pages", "bad.njk"), "---\npermalink: /es/bad/\n---\n{{ 'x' | broken(true) }}");
    const eleventy = new Eleventy(join(dir, "pages"), join(dir, "out"), {
      quietMode: true,
      config: (config: { addFilter: (name: string, f: unknown) => void }) => {
        config.addFilter(
          "broken",
          pageFilter((value: string, fail: boolean) => {
            if (fail) throw new Error("no such date");
            return value;
          }),
        );
      },
    });
    eleventy.disableLogger(); // as the build does: the failure is named, not printed with its stack
    const error = await eleventy.toJSON().then(
      () => undefined,
      (e: unknown) => e,
    );
    const failed = renderFailure(error);
    assert.ok(failed instanceof RenderError, `found in ${String(error)}`);
    assert.equal(failed.url, "/es/bad/");
    assert.equal(failed.message, "no such date");
  });

  it("finds nothing to name in an error no filter raised", () => {
    assert.equal(renderFailure(new Error("template syntax")), undefined);
  });
});

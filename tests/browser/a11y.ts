/** Accessibility: axe-core (WCAG 2.1 A and AA) on every page type, in light and dark. */
import { AxeBuilder } from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test.ts";

/** The WCAG 2.1 A and AA rules a colour scheme can break: the others read structure, which dark mode leaves as it is. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export async function violations(page: Page, only?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const result = await (only ? axe.withRules(only) : axe).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * One test per page type and colour scheme, so each page has its own time budget on a busy machine:
 * every rule in light mode, the colour rules again in dark mode.
 * `pages`: page type → site path, or a function giving it when the test runs (after the build).
 */
export function accessibilityGates(pages: Record<string, string | (() => string)>): void {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`accessibility in ${scheme} mode`, () => {
      test.use({ colorScheme: scheme });
      for (const [type, where] of Object.entries(pages)) {
        test(`the ${type} page has no WCAG 2.1 AA violation`, async ({ page }) => {
          const path = typeof where === "string" ? where : where();
          await page.goto(path);
          if (path.includes("/search/")) await page.waitForFunction(() => document.body.dataset.searchMs !== undefined, undefined, { timeout: 30_000 });
          expect(await violations(page, scheme === "dark" ? COLOUR_RULES : undefined), `${type} ${path}`).toEqual([]);
        });
      }
    });
  }
}

/** Presses Tab until `target` has the focus, as a keyboard user would, and checks it got there. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

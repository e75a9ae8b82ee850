// Lint: typescript-eslint's strict rules over the sources, scripts and tests (`npm run lint`).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "_site/", "_site.previous/", "reports/", ".cache/", "scratch/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { files: ["_includes/js/**/*.js"], languageOptions: { globals: globals.browser } },
  { files: ["**/*.mjs", "**/*.cjs", "bin/*.js"], languageOptions: { globals: globals.node } },
  {
    rules: {
      // `const { total, ...rest } = x` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // In tests and benchmark scripts a wrong assumption should throw where it is made and fail the
    // run; the build's own code (src/) says what is there instead.
    files: ["tests/**", "scripts/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

/** Writes netlify.toml from the header rules in src/deploy/host-files.ts (a test keeps the two equal). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { headerRules, renderNetlifyToml } from "../src/deploy/host-files.ts";
import { PROJECT_ROOT } from "../src/settings.ts";

writeFileSync(join(PROJECT_ROOT, "netlify.toml"), renderNetlifyToml(headerRules()));
console.log("netlify.toml written");

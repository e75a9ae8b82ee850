/**
 * Which Chromium drives the browser tests and scripts: Debian's when it is installed (CI and this
 * project's machines cannot download Playwright's builds), else Playwright's own, as on a laptop.
 *
 * The tests take Debian's headless shell first, as Playwright does with its own builds: the same
 * Blink, without the full browser's processes and services. On a 2-core machine the suite ran in
 * 2.9 min with it against 6.3 min with the full browser, all of it CPU. Lighthouse and the
 * screenshots take the full browser first, since they stand for a reader's browser.
 */
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const DEBIAN = {
  shell: ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"],
  browser: ["/usr/lib/chromium/chromium", "/usr/bin/chromium"],
};

/** `prefer`: the headless shell (tests) or the full browser (Lighthouse, screenshots); either stands in for the other. */
export function chromiumLaunchOptions(prefer: "shell" | "browser" = "shell"): LaunchOptions {
  const order = prefer === "shell" ? [...DEBIAN.shell, ...DEBIAN.browser] : [...DEBIAN.browser, ...DEBIAN.shell];
  const executablePath = process.env.CHROMIUM_PATH ?? order.find((p) => existsSync(p));
  if (!executablePath) return {};
  return {
    executablePath,
    // Keep a system Chromium off the network it cannot reach here, and off the sandbox root cannot use.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  };
}

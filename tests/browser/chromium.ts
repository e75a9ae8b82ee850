/**
 * Which Chromium the browser tests drive: Debian's when it is installed (CI and this project's
 * machines cannot download Playwright's build), else Playwright's own, as on a developer laptop.
 */
import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const DEBIAN_CHROMIUM = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM.find((p) => existsSync(p));
  if (!executablePath) return {};
  return {
    executablePath,
    // Keep a system Chromium off the network it cannot reach here, and off the sandbox root cannot use.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  };
}

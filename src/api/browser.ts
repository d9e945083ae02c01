// Headless Chromium (Debian's `chromium` package) driven by playwright-core, for the dashboard's
// end-to-end test and benchmark. Nothing is downloaded: the browser is the system's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set PARLEY_CHROMIUM`;
}

/** A fresh headless browser profile (removed on close), no network beyond the pages asked for. */
export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "parley-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

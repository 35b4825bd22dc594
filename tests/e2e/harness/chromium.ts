/**
 * Debian's Chromium with the built extension loaded, its host names mapped to the local
 * world (e2e-recipe.md § Chromium). Each launch gets a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import type { World } from '../../fixtures/world';
import { CHROME_BUILD, CHROMIUM_BIN, requireFile } from './paths';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The current service worker (MV3 workers stop when idle: ask again each time). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** null: the real web (`npm start -- --live`). */
  world: Pick<World, 'chromiumArgs'> | null;
  headless?: boolean;
  executablePath?: string;
  extraArgs?: string[];
  /** false: the same browser without ScrollCart, for side-by-side benchmarks. */
  withExtension?: boolean;
  /** Added to the browser's environment: on Linux, Chromium's UI language (and chrome.i18n's) comes from LANGUAGE/LC_ALL, not --lang. */
  env?: Record<string, string>;
  /** The pages' locale: @playwright/test otherwise emulates en-US in every page, extension pages included. */
  locale?: string;
}

export async function launchChromium({ world, headless = true, executablePath = CHROMIUM_BIN, extraArgs = [], withExtension = true, env, locale }: LaunchOptions): Promise<ChromiumSession> {
  const build = withExtension ? requireFile(CHROME_BUILD, 'run `npm run build` first') : null;
  requireFile(executablePath, 'install Debian chromium: apt-get install -y chromium');
  const profile = mkdtempSync(join(tmpdir(), 'scrollcart-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: null,
    ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}),
    ...(locale ? { locale } : {}),
    args: [
      ...CHROMIUM_FLAGS,
      ...(build ? [`--disable-extensions-except=${build}`, `--load-extension=${build}`] : ['--disable-extensions']),
      ...(world?.chromiumArgs() ?? []),
      ...extraArgs,
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = build ? new URL((await worker()).url()).host : '';
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * `npx tsx tests/bench/messaging.ts`: what one content-script → worker round trip costs the
 * page's main thread, `runtime.sendMessage` against a long-lived `runtime.connect` port. A
 * throwaway extension (written to a temp dir) does nothing but answer, so the page's CDP
 * metrics hold only the messaging: ScriptDuration (what the feed figure of `npm run bench`
 * compares) and TaskDuration (all main-thread work, IPC and serialisation included). Payloads
 * are the size of a `sighting/report` and its answer. Prints medians per message; no goal.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../e2e/harness/chromium';
import { CHROMIUM_BIN } from '../e2e/harness/paths';
import { median } from './figures';

const MESSAGES = Number(process.env.MESSAGES ?? 200);
const GAP_MS = Number(process.env.GAP_MS ?? 5);
const REPS = 6;

const background = `
const answer = (id) => ({ ok: true, data: { itemId: 'item-' + id, impressions: 3, productKey: 'shop.example/a-product', card: { state: 'product', host: 'shop.example', storeName: 'Shop', title: 'A product title of an ordinary length', variantTitle: null, variantId: 123456789, currency: 'USD', price: 2999, compareAtPrice: null, available: true, buyUrl: 'https://shop.example/cart/123456789:1' } } });
chrome.runtime.onMessage.addListener((m, _s, reply) => { Promise.resolve().then(() => reply(answer(m.id))); return true; });
chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => Promise.resolve().then(() => port.postMessage({ id: m.id, reply: answer(m.id) }))));`;

const content = `
const message = (id) => ({ type: 'sighting/report', id, data: { sighting: { itemId: 'item-' + id, adKind: 'product-link', landingUrl: 'https://shop.example/products/a-product?utm_source=tiktok', caption: 'A caption of an ordinary length #fyp #shop', author: 'someone' }, appeared: true, reportId: crypto.randomUUID() } });
let port; const waiting = new Map();
const viaPort = (m) => new Promise((resolve) => {
  if (!port) { port = chrome.runtime.connect(); port.onMessage.addListener((a) => { waiting.get(a.id)?.(a.reply); waiting.delete(a.id); }); }
  waiting.set(m.id, resolve); port.postMessage(m);
});
// Each message leaves from a timer's callback itself, as the content script's sends leave from
// its observer and timers: CDP's ScriptDuration counts a callback's own run, not the promise
// reactions after it (an \`await\` loop sent every message from a reaction, and measured nothing).
addEventListener('message', (e) => {
  if (e.data?.probe !== 'go') return;
  const { n, mode, gap } = e.data;
  let i = 0;
  const next = () => {
    const m = message(i);
    (mode === 'send' ? chrome.runtime.sendMessage(m) : viaPort(m)).then(() => (++i < n ? setTimeout(next, gap) : postMessage({ probe: 'done' }, '*')));
  };
  setTimeout(next, gap);
});`;

const dir = mkdtempSync(join(tmpdir(), 'scrollcart-messaging-'));
const ext = join(dir, 'ext');
mkdirSync(ext);
writeFileSync(
  join(ext, 'manifest.json'),
  JSON.stringify({ manifest_version: 3, name: 'messaging probe', version: '1', background: { service_worker: 'bg.js' }, content_scripts: [{ matches: ['http://localhost/*'], js: ['cs.js'], run_at: 'document_start' }] }),
);
writeFileSync(join(ext, 'bg.js'), background);
writeFileSync(join(ext, 'cs.js'), content);

const server = createServer((_req, res) => res.setHeader('content-type', 'text/html').end('<!doctype html><title>probe</title>')).listen(0);
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: CHROMIUM_BIN,
  headless: true,
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
try {
  const page = await context.newPage();
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const all = (await cdp.send('Performance.getMetrics')).metrics;
    const of = (name: string) => all.find((m) => m.name === name)?.value ?? 0;
    return { script: of('ScriptDuration'), task: of('TaskDuration') };
  };
  const perMessage = { send: { script: [] as number[], task: [] as number[] }, port: { script: [] as number[], task: [] as number[] } };
  for (let rep = 0; rep < REPS; rep += 1) {
    for (const mode of rep % 2 === 0 ? (['send', 'port'] as const) : (['port', 'send'] as const)) {
      const before = await metrics();
      await page.evaluate(
        (args) =>
          new Promise<void>((resolve) => {
            addEventListener('message', (e) => e.data?.probe === 'done' && resolve());
            postMessage({ probe: 'go', ...args }, '*');
          }),
        { mode, n: MESSAGES, gap: GAP_MS },
      );
      const after = await metrics();
      perMessage[mode].script.push(((after.script - before.script) * 1000) / MESSAGES);
      perMessage[mode].task.push(((after.task - before.task) * 1000) / MESSAGES);
    }
  }
  console.log(`${MESSAGES} round trips × ${REPS} runs, one per ${GAP_MS} ms; medians per message:`);
  for (const mode of ['send', 'port'] as const) {
    const { script, task } = perMessage[mode];
    console.log(`${mode === 'send' ? 'runtime.sendMessage' : 'port.postMessage  '}  script ${median(script).toFixed(3)} ms  task ${median(task).toFixed(3)} ms`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

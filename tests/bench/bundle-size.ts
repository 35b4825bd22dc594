/** Gzip size of each built script the user's browser loads (issue 8 § 5). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from '../e2e/harness/paths';
import { figure, type Figure } from './figures';

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

function pageKb(page: string): number {
  // A page's own chunk plus the shared chunks its HTML loads, plus the chunks its entry
  // imports dynamically (the popup's UI, loaded right after its first message leaves): Vite lists them in `__vite__mapDeps`.
  const html = readFileSync(join(CHROME_BUILD, `${page}.html`), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const entry = readFileSync(join(CHROME_BUILD, scripts[0]!), 'utf8');
  const imported = entry.match(/__vite__mapDeps=.*?\.f=\[([^\]]*)\]/)?.[1]?.match(/[^"`,]+\.js/g) ?? [];
  return [...new Set([...scripts, ...imported])].reduce((sum, file) => sum + gzipKb(join(CHROME_BUILD, file)), 0);
}

export function bundleSizes(): Figure[] {
  const scripts = readdirSync(join(CHROME_BUILD, 'content-scripts')).filter((f) => f.endsWith('.js'));
  const content = scripts.reduce((sum, file) => sum + gzipKb(join(CHROME_BUILD, 'content-scripts', file)), 0);
  return [
    figure('content scripts, gzip (all)', content, 'KB', { max: 15 }),
    figure('feed tap (main world), gzip', gzipKb(join(CHROME_BUILD, 'content-scripts', 'feed-tap.js')), 'KB', { max: 5 }),
    figure('popup, gzip', pageKb('popup'), 'KB', { max: 40 }),
    figure('dashboard, gzip', pageKb('dashboard'), 'KB', { max: 80 }),
  ];
}

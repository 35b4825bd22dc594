/**
 * `npm run bench:profile`: where the content scripts' time goes in a scroll of the fake feed.
 * Builds nothing itself: the npm script builds unminified into .output/profile (PROFILE_BUILD
 * in wxt.config.ts), so every sample's line falls under its module's `// path` comment. Records
 * a CDP CPU profile (200 µs sampling) of a scroll at the bench's pace and prints self time by
 * module and by function; a native call (a DOM API, runtime.sendMessage) counts for the script
 * that made it. Figures, not goals: compare two builds under the same load, several times.
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../e2e/harness/chromium';
import { CHROME_BUILD } from '../e2e/harness/paths';
import { startWorld } from '../fixtures/world';
import { scrollFeed } from './scroll';

/** The parts of CDP's Profiler.Profile read here. */
interface Node {
  id: number;
  callFrame: { url: string; lineNumber: number; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Line number → the module whose `// path` comment came last above it. */
function modulesByLine(script: string): string[] {
  let current = '(bundle)';
  return readFileSync(`${CHROME_BUILD}/content-scripts/${script}.js`, 'utf8')
    .split('\n')
    .map((line) => {
      const path = /^\s*\/\/ ((?:utils|components|entrypoints|node_modules)\S*)\s*$/.exec(line)?.[1];
      if (path) current = path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'npm:$1');
      return current;
    });
}

function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0) / 1000));
  return self;
}

const items = Number(process.env.BENCH_ITEMS ?? 300);
const lines = { feed: modulesByLine('feed'), 'feed-tap': modulesByLine('feed-tap') };
const world = await startWorld();
const session = await launchChromium({ world, withExtension: true });
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  const cdp = await session.context.newCDPSession(page);
  await page.goto(world.feedUrl({ seed: 8, count: items + 8, pageSize: 30, adEvery: 8 }));
  await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(scrollFeed, { items, paceMs: 8 });
  await page.waitForTimeout(1000);
  const profile = (await cdp.send('Profiler.stop')).profile as Profile;

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // A native frame (no URL) counts for the nearest script that called it.
  const owner = (node: Node): Node => {
    for (let at: Node | undefined = node; at; at = nodes.get(parent.get(at.id) ?? -1)) if (at.callFrame.url) return at;
    return node;
  };
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const [id, ms] of selfTimes(profile)) {
    const { url, lineNumber, functionName } = owner(nodes.get(id)!).callFrame;
    const script = /content-scripts\/(feed|feed-tap)\.js$/.exec(url)?.[1] as keyof typeof lines | undefined;
    const key = script ? `${script}: ${lines[script][lineNumber] ?? '?'}` : url.startsWith('http') ? 'the page' : url ? 'other script' : `(${functionName || 'native'})`;
    add(byModule, key, ms);
    if (script) add(byFunction, `${key} ${functionName || '(anonymous)'}:${lineNumber + 1}`, ms);
  }
  const ours = [...byModule].filter(([key]) => key.startsWith('feed')).reduce((sum, [, ms]) => sum + ms, 0);
  const print = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([key, ms]) => console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`));
  console.log(`${items} items scrolled; ScrollCart's scripts ${ours.toFixed(1)} ms, the page ${(byModule.get('the page') ?? 0).toFixed(1)} ms of self time\n`);
  print(byModule, 30);
  console.log('\nBy function:');
  print(byFunction, 25);
} finally {
  await session.close();
  await world.close();
}

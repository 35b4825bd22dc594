import { describe, expect, it } from 'vitest';
import { tapXhr } from '@/utils/tiktok/tap-network';

// The XHR wrapper against a stand-in XMLHttpRequest that records exactly what the page's
// request receives, so "the page sees nothing changed" can be checked call by call.

class StandInXhr extends EventTarget {
  static opened: unknown[][] = [];
  responseType: XMLHttpRequestResponseType = '';
  reads = 0;
  private body = '';
  get responseText(): string {
    this.reads += 1;
    if (this.responseType !== '' && this.responseType !== 'text') throw new DOMException('not text', 'InvalidStateError');
    return this.body;
  }
  get response(): unknown {
    this.reads += 1;
    return this.responseType === 'json' ? JSON.parse(this.body) : this.body;
  }
  open(...args: unknown[]): void {
    StandInXhr.opened.push(args);
  }
  respond(body: string): void {
    this.body = body;
    this.dispatchEvent(new Event('load'));
  }
}

const ORIGIN = 'https://www.tiktok.com';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const feed = { statusCode: 0, itemList: [{ id: '7400000000000000001', ad_info: { web_url: 'https://x.example/' } }] };

function setup() {
  const seen: [string, unknown][] = [];
  class Xhr extends StandInXhr {}
  const win = { XMLHttpRequest: Xhr, location: { origin: ORIGIN }, setTimeout } as unknown as Window & typeof globalThis;
  tapXhr(win, (endpoint, json) => seen.push([endpoint, json]));
  StandInXhr.opened = [];
  return { seen, Xhr };
}

describe('tapXhr', () => {
  it('reads a feed response as text or json after load, and passes open() its exact arguments', async () => {
    const { seen, Xhr } = setup();
    const text = new Xhr();
    text.open('GET', '/api/recommend/item_list/?count=8');
    const typed = new Xhr();
    typed.responseType = 'json';
    typed.open('GET', `${ORIGIN}/api/post/item_list/`, true);
    expect(StandInXhr.opened).toEqual([
      ['GET', '/api/recommend/item_list/?count=8'], // two arguments stay two: a third `undefined` would make it synchronous
      ['GET', `${ORIGIN}/api/post/item_list/`, true],
    ]);
    const pageSaw: unknown[] = [];
    typed.addEventListener('load', () => pageSaw.push(typed.response));
    text.respond(JSON.stringify(feed));
    typed.respond(JSON.stringify(feed));
    expect(seen).toEqual([]); // parsed after the page's own load handlers
    await flush();
    expect(seen).toEqual([
      ['/api/recommend/item_list/', feed],
      ['/api/post/item_list/', feed],
    ]);
    expect(pageSaw).toEqual([feed]);
  });

  it('costs nothing for other requests, skips binary response types, and follows a reused request', async () => {
    const { seen, Xhr } = setup();
    const other = new Xhr();
    other.open('GET', '/api/user/detail/');
    other.respond('{}');
    const blob = new Xhr();
    blob.responseType = 'blob';
    blob.open('GET', '/api/recommend/item_list/');
    blob.respond('binary');
    const reused = new Xhr();
    reused.open('GET', '/api/recommend/item_list/');
    reused.open('GET', '/api/other/');
    reused.respond(JSON.stringify(feed));
    await flush();
    expect(other.reads + blob.reads + reused.reads).toBe(0);
    expect(seen).toEqual([['/api/recommend/item_list/', undefined]]); // the blob one: seen, counted unreadable, not read
  });

  it('reports an unparsable body as unreadable instead of throwing into the page', async () => {
    const { seen, Xhr } = setup();
    const xhr = new Xhr();
    xhr.open('GET', '/api/recommend/item_list/');
    expect(() => xhr.respond('<html>captcha</html>')).not.toThrow();
    await flush();
    expect(seen).toEqual([['/api/recommend/item_list/', undefined]]);
  });
});

import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext, startedEventName } from '@/utils/feed/guest-context';

describe("the content script's guest context (WXT's stand-in in the content-script build)", () => {
  it('ends when a newer copy of the same script starts in the page, not for its own start or another script', () => {
    const old = new ContentScriptContext('feed');
    let ended = 0;
    old.onInvalidated(() => (ended += 1));
    let heard = 0;
    old.addEventListener(document, 'scrollcart-test', () => (heard += 1));
    document.dispatchEvent(new Event('scrollcart-test'));
    new ContentScriptContext('other');
    expect(old.signal.aborted).toBe(false);
    const newer = new ContentScriptContext('feed');
    expect(old.signal.aborted).toBe(true);
    expect(ended).toBe(1);
    expect(newer.signal.aborted).toBe(false);
    // Listeners it added are gone with it.
    document.dispatchEvent(new Event('scrollcart-test'));
    expect(heard).toBe(1);
  });

  it("speaks WXT's started event, so a copy built with WXT's own context stops too", () => {
    const seen: unknown[] = [];
    const type = startedEventName(browser.runtime.id, 'feed');
    const listener = (event: Event) => void seen.push((event as CustomEvent).detail);
    document.addEventListener(type, listener);
    new ContentScriptContext('feed');
    document.removeEventListener(type, listener);
    expect(type).toBe(`${browser.runtime.id}:feed:wxt:content-script-started`);
    expect(seen).toEqual([{ contentScriptName: 'feed', messageId: expect.any(String) }]);
  });
});

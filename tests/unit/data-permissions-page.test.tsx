import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PermissionsPage, type PermissionsPageProps } from '@/components/permissions/PermissionsPage';

// The catalogue is the browser's: here each message is its key and its substitutions.
beforeEach(() => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' ')) as typeof fakeBrowser.i18n.getMessage;
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function fakeApi(opts: { granted?: boolean; answer?: boolean; awaiting?: { host: string; ads: number }[] } = {}) {
  const calls: string[] = [];
  let answer: (granted: boolean) => void = () => undefined;
  const api: PermissionsPageProps['api'] = {
    contains: async () => opts.granted ?? false,
    // The request starts synchronously in the click: record it before anything is awaited.
    request: (origins) => (calls.push(`request ${origins.join(',')}`), new Promise<boolean>((resolve) => (answer = resolve))),
    resolveHosts: async (hosts) => (calls.push(`resolve ${hosts.join(',')}`), { found: 2, looked: 3 }),
    awaiting: async () => opts.awaiting ?? [],
  };
  return { api, calls, answer: (granted: boolean) => answer(granted) };
}

// Effects and promise chains settle over a few turns: give them several.
const flush = async () => {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((r) => setTimeout(r, 0)));
};
const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
const click = (el: Element | null | undefined) => act(() => (el as HTMLButtonElement).click());

describe('the permission page for one store', () => {
  it('says why in one line, asks on the click itself, then looks up the waiting ads', async () => {
    const { api, calls, answer } = fakeApi();
    render(<PermissionsPage host="shop.example-brand.com" api={api} />, root);
    await flush();
    expect(text('perm-why')).toBe('data_permWhy shop.example-brand.com');
    await click(root.querySelector('[data-testid="perm-allow-store"]'));
    expect(calls).toEqual(['request https://shop.example-brand.com/*']);
    expect(root.querySelector('[data-testid="perm-outcome"]')?.getAttribute('data-step')).toBe('asking');
    await act(async () => answer(true));
    await flush();
    expect(calls).toEqual(['request https://shop.example-brand.com/*', 'resolve shop.example-brand.com']);
    expect(text('perm-outcome')).toBe('data_permAllowed 2 3 data_permRevokeHint');
    expect(root.querySelector('[data-testid="perm-allow-store"]')).toBeNull();
  });

  it('offers every shop linked from ads, and says so when the shopper declines', async () => {
    const { api, calls, answer } = fakeApi();
    render(<PermissionsPage host="shop.example-brand.com" api={api} />, root);
    await flush();
    await click(root.querySelector('[data-testid="perm-allow-every"]'));
    expect(calls).toEqual(['request https://*/*']);
    await act(async () => answer(false));
    await flush();
    expect(text('perm-outcome')).toBe('data_permDenied shop.example-brand.com');
    expect(root.querySelector('[data-testid="perm-allow-store"]')).not.toBeNull();
  });

  it('asks for the declared myshopify.com pattern when Firefox withheld it', async () => {
    const { api, calls } = fakeApi();
    render(<PermissionsPage host="demo-store.myshopify.com" api={api} />, root);
    await flush();
    expect(text('perm-allow-store')).toBe('data_permAllowMyshopify');
    await click(root.querySelector('[data-testid="perm-allow-store"]'));
    expect(calls).toEqual(['request https://*.myshopify.com/*']);
  });

  it('when already allowed, offers nothing to click and looks the ads up', async () => {
    const { api, calls } = fakeApi({ granted: true });
    render(<PermissionsPage host="shop.example-brand.com" api={api} />, root);
    await flush();
    expect(text('perm-already')).toBe('data_permAlready');
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(calls).toEqual(['resolve shop.example-brand.com']);
  });

  it('refuses a host ScrollCart would never contact, without asking', async () => {
    const { api, calls } = fakeApi();
    render(<PermissionsPage host="192.168.0.1" api={api} />, root);
    await flush();
    expect(text('perm-bad-host')).toBe('data_permBadHost 192.168.0.1');
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(calls).toEqual([]);
  });
});

describe('the permission page without a host', () => {
  it('lists the stores that wait, each with its own button, and one for every shop', async () => {
    const { api, calls } = fakeApi({ awaiting: [{ host: 'shop.example-brand.com', ads: 3 }, { host: 'demo-store.myshopify.com', ads: 1 }] });
    render(<PermissionsPage host={null} api={api} />, root);
    await flush();
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['cardAllowLookups shop.example-brand.com', 'cardAllowLookups demo-store.myshopify.com', 'data_permAllowEvery']);
    await click(root.querySelectorAll('button')[2]);
    expect(calls).toEqual(['request https://*/*']);
  });

  it('says when nothing waits', async () => {
    const { api } = fakeApi();
    render(<PermissionsPage host={null} api={api} />, root);
    await flush();
    expect(text('perm-none')).toBe('data_permNoneWaiting');
  });
});

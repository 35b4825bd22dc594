import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delayBefore, isWorkerGone, retryingSend, SEND_RETRY } from '@/utils/feed/send-retry';

const GONE = new Error('Could not establish connection. Receiving end does not exist.');
const PORT_CLOSED = new Error('The message port closed before a response was received.');
const ok = { ok: true, data: { recorded: true } };
const idempotent = new Set(['click/record', 'sighting/report']);
const click = { type: 'click/record', data: { id: 'x', kind: 'cta', itemId: null } };

/** A background that fails the first `failures` messages with `error` (undefined: answers nothing), then answers. */
function flakyBackground(failures: number, error: Error | undefined) {
  const sentAt: number[] = [];
  const send = vi.fn(async () => {
    sentAt.push(Date.now());
    if (sentAt.length > failures) return ok;
    if (error) throw error;
    return undefined;
  });
  return { send, sentAt };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('isWorkerGone', () => {
  it.each([
    ['Could not establish connection. Receiving end does not exist.', true],
    ['The message port closed before a response was received.', true],
    ['A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received', true],
    ['Message manager disconnected', true],
    ["Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved", true],
    // The extension was reloaded: this content script is an orphan, nobody will ever answer.
    ['Extension context invalidated.', false],
    ['Could not establish connection. Extension context invalidated.', false],
    ['QuotaExceededError', false],
  ])('%s → %s', (message, expected) => {
    expect(isWorkerGone(new Error(message))).toBe(expected);
  });
});

describe('retryingSend', () => {
  it('sends an idempotent message again with growing waits until the background answers', async () => {
    const { send, sentAt } = flakyBackground(3, GONE);
    const retried: string[] = [];
    const reply = retryingSend(send, { idempotent, onRetry: (type) => retried.push(type) })(click);
    await vi.runAllTimersAsync();
    expect(await reply).toEqual(ok);
    expect(sentAt).toEqual([0, 100, 350, 975]);
    expect(retried).toEqual(['click/record', 'click/record', 'click/record']);
    expect(send).toHaveBeenCalledWith(click);
  });

  it('treats no answer at all like a closed port', async () => {
    const { send } = flakyBackground(1, undefined);
    const reply = retryingSend(send, { idempotent })(click);
    await vi.runAllTimersAsync();
    expect(await reply).toEqual(ok);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last try with the last error, within a bounded time', async () => {
    const { send, sentAt } = flakyBackground(99, PORT_CLOSED);
    const reply = retryingSend(send, { idempotent })(click);
    const settled = expect(reply).rejects.toThrow('message port closed');
    await vi.runAllTimersAsync();
    await settled;
    expect(send).toHaveBeenCalledTimes(SEND_RETRY.attempts);
    expect(sentAt.at(-1)).toBe(100 + 250 + 625 + 1500 + 1500);
  });

  it('never sends again a message that is not idempotent, nor after an error that is not the worker going away', async () => {
    const counters = flakyBackground(1, GONE);
    await expect(retryingSend(counters.send, { idempotent })({ type: 'diagnostics/report', data: {} })).rejects.toThrow(GONE.message);
    expect(counters.send).toHaveBeenCalledTimes(1);

    const orphan = flakyBackground(1, new Error('Extension context invalidated.'));
    await expect(retryingSend(orphan.send, { idempotent })(click)).rejects.toThrow('context invalidated');
    expect(orphan.send).toHaveBeenCalledTimes(1);
  });

  it('stops trying once the content script is invalidated', async () => {
    const { send } = flakyBackground(99, GONE);
    const stop = new AbortController();
    const reply = retryingSend(send, { idempotent, signal: stop.signal })(click);
    const settled = expect(reply).rejects.toThrow(GONE.message);
    await vi.advanceTimersByTimeAsync(150);
    stop.abort();
    await vi.runAllTimersAsync();
    await settled;
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('waits exponentially, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => delayBefore(n, SEND_RETRY))).toEqual([100, 250, 625, 1500, 1500, 1500]);
  });
});

/** The dashboard's one way to the background: typed, validated messages (utils/messages.ts). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendTyped, type MessageType, type Reply, type RequestOf, type ResponseOf } from '@/utils/messages';

export function send<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Reply<ResponseOf<T>>> {
  return sendTyped((m) => browser.runtime.sendMessage(m), type, data).catch((error: unknown) => ({
    ok: false as const,
    error: { kind: 'invalid-response' as const, message: error instanceof Error ? error.message : String(error) },
  }));
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; message: string };

/** Loads one message's answer, again whenever `key` changes or `reload` is called. */
export function useMessage<T extends MessageType>(type: T, data: RequestOf<T>, key: string): [Loaded<ResponseOf<T>>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<ResponseOf<T>>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void send(type, data).then((reply) => {
      if (current) setLoaded(reply.ok ? { state: 'ready', data: reply.data } : { state: 'error', message: reply.error.message });
    });
    return () => {
      current = false;
    };
    // `key` stands for `data`: the caller names what makes a new request.
  }, [type, key, round]);
  return [loaded, useCallback(() => setRound((r) => r + 1), [])];
}

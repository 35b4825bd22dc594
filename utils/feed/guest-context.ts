/**
 * The content script's owner of everything it starts: one AbortSignal, aborted when a newer
 * copy of the script starts in the same page (an extension reload or update injects one).
 *
 * It stands in for WXT's `ContentScriptContext` in the content-script build (the alias in
 * wxt.config.ts): WXT's class also carries a location watcher, timers and a logger the
 * script never uses, 0.6 KB gzip of the 15 KB budget (docs/performance.md). It announces
 * itself with WXT's own started event, so a copy built with either one stops the other.
 */
import { browser } from 'wxt/browser';

export interface GuestContext {
  readonly signal: AbortSignal;
  /** Runs `cb` when the context ends; returns the unregistration. */
  onInvalidated(cb: () => void): () => void;
  /** `target.addEventListener`, removed when the context ends. */
  addEventListener<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
}

interface StartedDetail {
  contentScriptName?: unknown;
  messageId?: unknown;
}

/** WXT's event name (`getUniqueEventName`), so old and new builds recognise each other. */
export const startedEventName = (runtimeId: string | undefined, name: string) => `${runtimeId}:${name}:wxt:content-script-started`;

export class ContentScriptContext implements GuestContext {
  readonly #controller = new AbortController();

  constructor(name: string) {
    const type = startedEventName(browser.runtime?.id, name);
    const messageId = Math.random().toString(36).slice(2);
    const detail: StartedDetail = { contentScriptName: name, messageId };
    document.dispatchEvent(new CustomEvent(type, { detail }));
    this.addEventListener(document, type, (event) => {
      const other = (event as CustomEvent<StartedDetail | null>).detail;
      if (other?.contentScriptName === name && other.messageId !== messageId) this.#controller.abort('a newer copy of the content script started');
    });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }
}

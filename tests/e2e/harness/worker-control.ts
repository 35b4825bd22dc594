/**
 * The background service worker in Chromium, watched and stopped over DevTools from a CDP
 * session on one of our own pages (a session on a web page only sees that page's workers).
 * `ServiceWorker.stopWorker` is chrome://serviceworker-internals' Stop button; the
 * `workerVersionUpdated` events tell when the worker stopped and when a message woke it.
 */
import type { CDPSession } from '@playwright/test';
import type { BackgroundState } from './driver';
import { waitFor } from './driver-parts';

export interface WorkerControl {
  state(): Promise<BackgroundState>;
  /** Stops the worker and waits until it has stopped; returns the state it was in. */
  stop(): Promise<BackgroundState>;
}

export async function controlWorker(cdp: CDPSession, origin: string): Promise<WorkerControl> {
  type Version = { id: string; status: BackgroundState };
  let version: Version | null = null;
  // Counted from the events: a worker woken by queued messages restarts faster than a poll can see it stopped.
  let stops = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL !== `${origin}/background.js`) continue;
      if (v.runningStatus === 'stopped' && version?.status !== 'stopped') stops += 1;
      version = { id: v.versionId, status: v.runningStatus as BackgroundState };
    }
  });
  await cdp.send('ServiceWorker.enable');
  const current = async (): Promise<Version> => (await waitFor(async () => version, (v) => v !== null, 'the background service worker'))!;
  return {
    state: async () => (await current()).status,
    async stop() {
      const before = await current();
      const stopped = stops;
      await cdp.send('ServiceWorker.stopWorker', { versionId: before.id });
      await waitFor(async () => stops, (n) => n > stopped, 'stopping the service worker');
      return before.status;
    },
  };
}

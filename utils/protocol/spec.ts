/**
 * The shape every message of the protocol has: who may send it, and the zod schemas of its
 * request and response. Each feature declares its messages in its own file beside this one.
 */
import { z } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface SenderInfo {
  /** The sending extension's id; must be ours. */
  id?: string;
  /** Set when the sender is a content script in a tab. */
  tabUrl?: string;
  /** The sending document's URL. */
  url?: string;
}

/** `content`: our content script on a TikTok page. `page`: one of our extension pages. */
export type SenderKind = 'content' | 'page';

export interface MessageSpec {
  from: readonly SenderKind[];
  // Core types: a feature may declare its schemas with zod or zod/mini (the content script's, to stay small).
  request: $ZodType;
  response: $ZodType;
}

export type MessageSpecs = Record<string, MessageSpec>;

/** The handlers a feature's messages need, typed from its specs. */
export type HandlersOf<P extends MessageSpecs> = {
  [T in keyof P]: (data: z.infer<P[T]['request']>, sender: SenderInfo) => Promise<z.infer<P[T]['response']>>;
};

/** The request of a message that carries no data. */
export const Empty = z.strictObject({});

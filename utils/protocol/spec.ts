/**
 * The shape every message of the protocol has: who may send it, and the zod schemas of its
 * request and response. Each feature declares its messages in its own file beside this one.
 */
import { z } from 'zod';

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
  request: z.ZodType;
  response: z.ZodType;
}

export type MessageSpecs = Record<string, MessageSpec>;

/** The handlers a feature's messages need, typed from its specs. */
export type HandlersOf<P extends MessageSpecs> = {
  [T in keyof P]: (data: z.infer<P[T]['request']>, sender: SenderInfo) => Promise<z.infer<P[T]['response']>>;
};

/** The request of a message that carries no data. */
export const Empty = z.object({}).strict();

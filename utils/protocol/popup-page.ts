/**
 * The messages the popup page sends, and only those: its sender validates answers against
 * these specs, so the popup bundles neither the dashboard's schemas nor zod classic
 * (utils/messages.ts joins every feature's specs, the dashboard's in zod classic).
 */
import { coreProtocol } from './core';
import { dataProtocol } from './data';
import { popupProtocol } from './popup';
import type { MessageSpecs } from './spec';

export const popupPageProtocol = {
  ...popupProtocol,
  'overview/get': coreProtocol['overview/get'],
  'data/permission-status': dataProtocol['data/permission-status'],
  'data/apply-retention': dataProtocol['data/apply-retention'],
  'data/delete-all': dataProtocol['data/delete-all'],
} as const satisfies MessageSpecs;

export type PopupMessageType = keyof typeof popupPageProtocol;

/** Messages of the data ScrollCart keeps: price watch, retention, delete everything, permissions (issue 4). */
import type { MessageSpecs } from './spec';

export const dataProtocol = {} as const satisfies MessageSpecs;

/** Messages of the merchant dashboard: sightings per store, landing checks, snapshots, export and import (issue 6). */
import type { MessageSpecs } from './spec';

export const dashboardProtocol = {} as const satisfies MessageSpecs;

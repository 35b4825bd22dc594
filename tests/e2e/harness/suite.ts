/** Declares each scenario once per browser, each test with a fresh world and a fresh profile. */
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../../fixtures/world';
import { drivers, type Driver, type DriverOptions } from './driver';

export type Scenario = (ctx: { driver: Driver; world: World }) => Promise<void>;

export function inBothBrowsers(scenarios: Record<string, Scenario>, opts: DriverOptions = {}): void {
  for (const browser of Object.keys(drivers) as Driver['browser'][]) {
    test.describe(browser, () => {
      let world: World;
      let driver: Driver;
      test.beforeEach(async () => {
        world = await startWorld();
        driver = await drivers[browser](world, opts);
      });
      test.afterEach(async () => {
        await driver?.close();
        await world?.close();
      });
      for (const [title, scenario] of Object.entries(scenarios)) test(title, () => scenario({ driver, world }));
    });
  }
}

/** Polls a page action until it reports it could be done. */
export async function until(action: () => Promise<boolean>, what: string): Promise<void> {
  await expect.poll(action, { message: what }).toBe(true);
}

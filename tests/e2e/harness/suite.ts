/** Declares each scenario once per browser, each test with a fresh world and a fresh profile. */
import { test } from '@playwright/test';
import { startWorld, type World } from '../../fixtures/world';
import { drivers, type Driver } from './driver';

export type Scenario = (ctx: { driver: Driver; world: World }) => Promise<void>;

export function inBothBrowsers(scenarios: Record<string, Scenario>): void {
  for (const browser of Object.keys(drivers) as (keyof typeof drivers)[]) {
    test.describe(browser, () => {
      let world: World;
      let driver: Driver;
      test.beforeEach(async () => {
        world = await startWorld();
        driver = await drivers[browser](world);
      });
      test.afterEach(async () => {
        await driver?.close();
        await world?.close();
      });
      for (const [title, scenario] of Object.entries(scenarios)) test(title, () => scenario({ driver, world }));
    });
  }
}

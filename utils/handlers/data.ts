/** Handlers of utils/protocol/data.ts: permissions, delete everything, retention, price watch (issue 4 §6, §8, §9). */
import { deleteEverything, sweepOrphanCaches, SWEEP_AFTER_MS } from '../data/delete-all';
import { hostsAwaitingPermission, productRefsOfHosts, resolveRefs } from '../data/host-access';
import { EVERY_SHOP_ORIGIN, MYSHOPIFY_ORIGIN, permissionPagePath } from '../data/origins';
import { applyRetention } from '../data/retention';
import type { DataServices } from '../data/services';
import { runPriceWatch, singleFlight } from '../data/watch-run';
import type { dataProtocol } from '../protocol/data';
import type { HandlersOf } from '../protocol/spec';
import { checkStoreHost } from '../shopify/store-host-guard';
import type { BackgroundDeps } from './deps';

const unwired = (): never => {
  throw new Error('the data services are not wired in this context');
};
const MISSING: DataServices = {
  refresh: unwired,
  hasOrigins: unwired,
  openExtensionTab: unwired,
  notify: unwired,
  clearNotifications: unwired,
  clearStorage: unwired,
  translate: unwired,
  uiLanguage: unwired,
};

export function dataHandlers(deps: BackgroundDeps): HandlersOf<typeof dataProtocol> {
  const { db } = deps;
  const services = deps.data ?? MISSING;
  // The alarm and "check now" share one run: two at once would judge one change twice.
  const watch = singleFlight(() =>
    runPriceWatch({ db, services, canFetchHost: deps.canFetchHost, now: deps.now, settings: deps.settings, translate: services.translate, locale: services.uiLanguage() }),
  );

  return {
    'data/open-permission-page': async ({ host }) => {
      // Only a host the background would ever contact gets a page: the page's URL is ours, the host is checked.
      const checked = checkStoreHost(host);
      if (!checked.ok) return { opened: false, reason: checked.detail };
      await services.openExtensionTab(permissionPagePath(checked.host));
      return { opened: true, reason: null };
    },

    'data/permission-status': async () => ({
      awaiting: await hostsAwaitingPermission(db, deps.canFetchHost),
      everyShop: await services.hasOrigins([EVERY_SHOP_ORIGIN]),
      myshopify: await services.hasOrigins([MYSHOPIFY_ORIGIN]),
    }),

    'data/resolve-hosts': async ({ hosts }) => {
      const allowed = await Promise.all(hosts.map((host) => deps.canFetchHost(host)));
      const refs = await productRefsOfHosts(
        db,
        hosts.filter((_, i) => allowed[i]),
      );
      const found = await resolveRefs(refs, deps.resolve);
      return { looked: refs.length, found, notAllowed: hosts.filter((_, i) => !allowed[i]) };
    },

    'data/delete-all': async () => {
      const deleted = await deleteEverything(db, services);
      // Lookups in flight right now may still write their rows: sweep them once they are over.
      setTimeout(() => void sweepOrphanCaches(db).catch((error: unknown) => console.warn('ScrollCart: sweep after delete-all failed', error)), SWEEP_AFTER_MS);
      return { deleted };
    },

    'data/apply-retention': async () => applyRetention(db, deps.now(), (await deps.settings()).historyRetentionDays),

    'data/price-watch-run': () => watch(),
  };
}

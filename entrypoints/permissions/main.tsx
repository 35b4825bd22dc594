import { render } from 'preact';
import { browser } from 'wxt/browser';
import { applyDocumentLocale, t } from '@/components/i18n';
import { PermissionsPage } from '@/components/permissions/PermissionsPage';
import { sendTyped } from '@/utils/messages';
import '@/components/base.css';
import '@/components/permissions/permissions.css';

// Opened as permissions.html?host=<store host> by the card's "Allow lookups on …", or bare from the popup.
const send = (message: unknown) => browser.runtime.sendMessage(message);
const unwrap = <T,>(reply: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
};

applyDocumentLocale(document);
document.title = t('data_permPageTitle');
render(
  <PermissionsPage
    host={new URLSearchParams(location.search).get('host')}
    api={{
      contains: (origins) => browser.permissions.contains({ origins }),
      request: (origins) => browser.permissions.request({ origins }),
      resolveHosts: async (hosts) => unwrap(await sendTyped(send, 'data/resolve-hosts', { hosts })),
      awaiting: async () => unwrap(await sendTyped(send, 'data/permission-status', {})).awaiting,
    }}
  />,
  document.getElementById('root')!,
);

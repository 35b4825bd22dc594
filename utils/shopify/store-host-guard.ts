/**
 * The SSRF guard: the one place that decides whether the background may send a request to
 * a URL. Every store fetch passes through it (DESIGN.md § Security boundary), and
 * `fetchStoreJson` checks again on its own, so a bug upstream cannot open a hole.
 *
 * Decisions are made on `URL.hostname` after WHATWG parsing, never on the raw string: the
 * parser already turns `2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`, fullwidth digits and
 * ideographic dots into `127.0.0.1`, maps `ⓛⓞⓒⓐⓛⓗⓞⓢⓣ` to `localhost` and IDN to punycode,
 * so one check of the canonical form covers every spelling.
 *
 * What it cannot see: a public name whose DNS answer is a private address (rebinding). An
 * extension has no DNS lookup in Chrome; the known wildcard-DNS services that echo an IP
 * embedded in the name (`127.0.0.1.nip.io`) are refused by shape below.
 */

export type StoreUrlRefusal =
  | 'not-a-url'
  | 'not-https'
  | 'userinfo'
  | 'port'
  | 'ip-literal'
  | 'local-name'
  | 'single-label'
  | 'trailing-dot'
  | 'bad-host';

export type StoreUrlCheck = { ok: true; url: URL } | { ok: false; reason: StoreUrlRefusal; detail: string };
export type StoreHostCheck = { ok: true; host: string } | { ok: false; reason: StoreUrlRefusal; detail: string };

/** Suffixes that name a machine on the user's own network, never a public shop (RFC 6761/6762/8375, common LAN practice). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'localdomain', 'home', 'corp', 'intranet', 'private', 'arpa'];
/** Public wildcard-DNS names known to resolve to loopback or to an IP written in the name. */
const LOOPBACK_SERVICES = ['nip.io', 'sslip.io', 'xip.io', 'localtest.me', 'lvh.me', 'vcap.me', 'lacolhost.com', 'localhost.run'];

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Four numeric labels in a row, dotted or dashed: the IP-in-the-name trick of nip.io and friends. */
const EMBEDDED_IPV4 = /(^|[.-])\d{1,3}([.-]\d{1,3}){3}([.-]|$)/;
const MAX_HOST = 253;

const refuse = (reason: StoreUrlRefusal, detail: string) => ({ ok: false as const, reason, detail });

function endsWithName(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** Checks an already-canonical hostname (as `URL.hostname` gives it). */
function checkCanonicalHost(host: string): StoreHostCheck {
  if (host.startsWith('[')) return refuse('ip-literal', `${host} is an IP address, not a shop's name`);
  if (host.endsWith('.')) return refuse('trailing-dot', `${host} ends in a dot, which can bypass name checks`);
  if (host.length === 0 || host.length > MAX_HOST) return refuse('bad-host', 'the host name is empty or too long');
  const labels = host.split('.');
  // WHATWG turns any IPv4 spelling into a dotted quad; a numeric last label is an address too.
  if (/^\d+(\.\d+){3}$/.test(host) || /^(0x[0-9a-f]*|\d+)$/.test(labels.at(-1) ?? '')) {
    return refuse('ip-literal', `${host} is an IP address, not a shop's name`);
  }
  if (!labels.every((label) => LABEL.test(label))) return refuse('bad-host', `${host} is not a valid public host name`);
  if (LOCAL_SUFFIXES.some((suffix) => endsWithName(host, suffix))) return refuse('local-name', `${host} names a machine on a local network`);
  if (labels.length < 2) return refuse('single-label', `${host} is a single-label name of a local network`);
  if (LOOPBACK_SERVICES.some((suffix) => endsWithName(host, suffix)) || EMBEDDED_IPV4.test(host)) {
    return refuse('ip-literal', `${host} carries an IP address in its name`);
  }
  return { ok: true, host };
}

/** Is `url` one the background may send a request to? https, default port, no credentials, a public name. */
export function checkStoreUrl(url: string | URL): StoreUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return refuse('not-a-url', 'not a web address');
  }
  if (parsed.protocol !== 'https:') return refuse('not-https', `only https:// stores are contacted (got ${parsed.protocol})`);
  if (parsed.username !== '' || parsed.password !== '') return refuse('userinfo', 'the address carries a user name or password');
  if (parsed.port !== '') return refuse('port', `only the standard https port is used (got ${parsed.port})`);
  const host = checkCanonicalHost(parsed.hostname);
  return host.ok ? { ok: true, url: parsed } : host;
}

/**
 * Checks a bare host name. It must already be canonical: a host the URL parser would
 * rewrite (`2130706433`, `SHOP.com`, `shop.com:8443`) is refused rather than silently mapped.
 */
export function checkStoreHost(host: string): StoreHostCheck {
  if (typeof host !== 'string') return refuse('bad-host', 'not a bare host name');
  if (host.startsWith('[')) return refuse('ip-literal', `${host} is an IP address, not a shop's name`);
  if (/[/\\?#@:\s%]/.test(host)) return refuse('bad-host', 'not a bare host name');
  const checked = checkStoreUrl(`https://${host}/`);
  if (!checked.ok) return checked;
  if (checked.url.hostname !== host) return refuse('bad-host', `${host} is not written in canonical form (${checked.url.hostname})`);
  return { ok: true, host };
}

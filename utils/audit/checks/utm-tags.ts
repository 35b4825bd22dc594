/** UTM tags are on the link and TikTok's `__MACRO__` placeholders in it are spelt so TikTok fills them. */
import { findMacros } from '../macros';
import { evidence, outcome, words, type AuditCheck } from '../types';

const EXPECTED = ['utm_source', 'utm_medium', 'utm_campaign'];

export const utmTags: AuditCheck = {
  id: 'utm_tags',
  title: 'dash_check_utm_tags',
  run({ link }) {
    if (!link) return outcome('warn', words('dash_reason_no_page'));
    const utm = Object.entries(link.tracking).filter(([key]) => key.toLowerCase().startsWith('utm_'));
    const tags = utm.map(([key, value]) => evidence('dash_ev_param', `${key}=${value}`));
    if (utm.length === 0) return outcome('fail', words('dash_reason_no_utm'));
    const macros = findMacros(link.url);
    const misspelt = macros.filter((m) => m.kind === 'misspelt');
    if (misspelt.length > 0) {
      const found = misspelt.map((m) => evidence('dash_ev_misspelt_macro', `${m.param}: ${m.text} → ${m.suggestion ?? ''}`));
      const list = (texts: string[]) => texts.join(', ').slice(0, 1000);
      return outcome('fail', words('dash_reason_macro_misspelt', list(misspelt.map((m) => m.text)), list(misspelt.map((m) => m.suggestion ?? ''))), [...found, ...tags]);
    }
    const present = new Set(utm.map(([key]) => key.toLowerCase()));
    const missing = EXPECTED.filter((key) => !present.has(key));
    if (missing.length > 0) return outcome('warn', words('dash_reason_utm_incomplete', missing.join(', ')), tags);
    const unknown = macros.filter((m) => m.kind === 'unknown');
    if (unknown.length > 0) return outcome('warn', words('dash_reason_macro_unknown', unknown.map((m) => m.text).join(', ').slice(0, 1000)), tags);
    return outcome('pass', words('dash_reason_utm_ok', String(utm.length)), tags);
  },
};

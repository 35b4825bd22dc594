import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '@/utils/audit/checks/index';
import type { AuditCheck } from '@/utils/audit/types';
import ar from '@/components/public/_locales/ar/messages.json';
import en from '@/components/public/_locales/en/messages.json';

// The registry's meta-test (STYLE.md § One feature, one file, one shape; refined-github's
// build/features.test.ts): every check file holds one check of the uniform shape, and is registered.
// vitest runs from the repository root (tests/vitest.config.ts `root`).
const at = (path: string) => join(process.cwd(), path);
const DIR = at('utils/audit/checks');
const checkFiles = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
const modules = import.meta.glob<Record<string, unknown>>('../../utils/audit/checks/*.ts', { eager: true });

const isCheck = (value: unknown): value is AuditCheck =>
  typeof value === 'object' && value !== null && typeof (value as AuditCheck).id === 'string' && typeof (value as AuditCheck).run === 'function';

describe('the landing-check registry', () => {
  it('registers every check file, each exporting exactly one check, and nothing else', () => {
    expect(checkFiles.length).toBe(CHECKS.length);
    for (const file of checkFiles) {
      const exported = Object.values(modules[`../../utils/audit/checks/${file}`] ?? {});
      expect(exported.filter(isCheck), file).toHaveLength(1);
      expect(exported, `${file} exports only its check`).toHaveLength(1);
      expect(CHECKS, `${file} is in checks/index.ts`).toContain(exported[0]);
    }
  });

  it('gives each check the uniform shape: a snake_case id named like its file, a title key, a run function', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) {
      expect(Object.keys(check).sort()).toEqual(['id', 'run', 'title']);
      expect(check.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(checkFiles).toContain(`${check.id.replace(/_/g, '-')}.ts`);
      expect(check.title).toBe(`dash_check_${check.id}`);
      expect(check.run.length).toBe(1);
    }
  });

  it('has every catalogue key the audit uses, in English and Arabic, with the same placeholders', () => {
    const sources = ['utils/audit', 'utils/audit/checks', 'components/dashboard']
      .flatMap((dir) => readdirSync(at(dir)).filter((f) => /\.tsx?$/.test(f)).map((f) => `${dir}/${f}`))
      .map((path) => readFileSync(at(path), 'utf8'))
      .join('\n');
    // A plural message is named by its base (components/i18n.ts `plural`): check its forms.
    const literal = [...sources.matchAll(/'(dash_[a-z0-9_]+)'/g)]
      .map((m) => m[1]!)
      .flatMap((key) => (key in en ? [key] : `${key}_other` in en ? [`${key}_one`, `${key}_other`] : [key]));
    const templated = ['pass', 'warn', 'fail'].map((v) => `dash_verdict_${v}`).concat(
      ['home', 'collection', 'cart', 'search', 'page', 'other'].map((p) => `dash_page_${p}`),
      ['no_feed_tab', 'no_permission', 'capture_failed', 'no_ad', 'too_large'].map((r) => `dash_snap_${r}`),
      ['dash_command_capture'],
    );
    const catalogues: Record<string, Record<string, { message: string; placeholders?: object }>> = { en, ar };
    for (const key of new Set([...literal, ...templated])) {
      for (const [lang, messages] of Object.entries(catalogues)) expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy();
      expect(Object.keys(ar[key as keyof typeof ar] as { placeholders?: object }).sort(), key).toEqual(Object.keys(en[key as keyof typeof en]).sort());
    }
  });
});

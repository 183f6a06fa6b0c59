import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/web/i18n/locales';
import { CATALOGS } from '@/lib/web/i18n/catalogs';

const en = CATALOGS.en;
const zh = CATALOGS['zh-CN'];

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const leaves = (obj: unknown) => new Map(keys(obj).map((k) => [k, k.split('.').reduce<any>((o, p) => o[p], obj)]));

describe('message catalogs', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('no message is empty, and placeholders match across languages', () => {
    const zl = leaves(zh);
    for (const [k, v] of leaves(en)) {
      expect(typeof v === 'string' && v.length > 0, k).toBe(true);
      const args = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
      expect(args(zl.get(k) as string), k).toEqual(args(v as string));
    }
  });
  it('every t("…") key used in app/, modules/ and components/ exists', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk('app');
    walk('components');
    walk('modules');
    const known = new Set(keys(en));
    const namespaces = new Set(keys(en).flatMap((k) => k.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))));
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const ns = [...src.matchAll(/getTranslations\('([\w.]+)'\)|useTranslations\('([\w.]+)'\)/g)].map((m) => m[1] ?? m[2]);
      for (const n of ns) expect(namespaces.has(n!), `${f}: namespace ${n}`).toBe(true);
      for (const m of src.matchAll(/\bt\('([\w.]+)'/g)) {
        const key = m[1]!;
        const ok = known.has(key) || ns.some((n) => known.has(`${n}.${key}`));
        expect(ok, `${f}: ${key}`).toBe(true);
      }
    }
  });
});

describe('locale negotiation', () => {
  it('prefers the browser language by weight, Chinese by default', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(negotiateLocale('de')).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
    expect(negotiateLocale(null)).toBe('zh-CN');
    expect(negotiateLocale('en;q=0, zh;q=0.1')).toBe('zh-CN');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import zh from '../public/_locales/zh_CN/messages.json';
import { format, t, type CatalogueEntry, type MessageKey } from '../src/i18n';
import { bundledCatalogue, catalogueFor, droppedKeysUsed, pruneCatalogue } from './catalogue-prune';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const messages = {
  extName: { message: 'cartlint', description: 'name' },
  notice_banned: { message: 'banned on $P$', placeholders: { p: { content: '$1' } } },
  popup_title: { message: 'Findings' },
  cli_usage: { message: 'usage' },
};

describe('catalogue pruning', () => {
  it('drops the named areas and the translator notes, and stores each message as its text, placeholders inline', () => {
    expect(pruneCatalogue(messages, ['popup', 'cli'])).toEqual({ notice_banned: 'banned on $1' });
  });

  it('keeps every message of both catalogues formatting exactly as before', () => {
    for (const catalogue of [en, zh] as Record<string, CatalogueEntry>[]) {
      const pruned = pruneCatalogue(catalogue, []);
      for (const [key, entry] of Object.entries(catalogue)) {
        if (key === 'extName' || key === 'extDescription') continue; // the manifest's, never bundled
        const args = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
        expect(format(pruned[key]!, args), key).toBe(format(entry, args));
      }
    }
  });

  it('refuses a placeholder that stands for anything but $1…$9: a bundle formats plain strings only', () => {
    const literal = { notice_brand: { message: 'by $BRAND$', placeholders: { brand: { content: 'cartlint' } } } };
    expect(() => pruneCatalogue(literal, [])).toThrow(/placeholder brand of notice_brand/);
  });

  it('drops nothing but notes and the manifest’s own keys when no area is named', () => {
    expect(Object.keys(pruneCatalogue(messages, []))).toEqual(['notice_banned', 'popup_title', 'cli_usage']);
  });

  it('transforms only message catalogues', () => {
    const plugin = catalogueFor(['popup']);
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform(JSON.stringify(messages), '/r/public/_locales/en/messages.json')!.code).not.toContain(
      'popup_title',
    );
    expect(transform(JSON.stringify(messages), '/r/src/rules/kuaishou.json')).toBeNull();
  });

  it('finds a dropped key the code still names, literally or by template', () => {
    const code = 'x(`en`,"popup_title");y(`popup_${a}`);z("notice_banned");w("options_page")';
    expect(droppedKeysUsed(code, ['popup', 'cli'])).toEqual(['popup_title', 'popup_']);
    expect(droppedKeysUsed(code, [])).toEqual([]);
    expect(droppedKeysUsed('t("notice_banned")', ['popup'])).toEqual([]);
    expect(droppedKeysUsed('t(lang, "extName")', [])).toEqual(['extName']);
  });

  it('gives a bundle each message of both languages as t() reads them from the files', async () => {
    const esbuild = await import('esbuild');
    const drop = ['cli', 'popup'];
    const result = await esbuild.build({
      stdin: { contents: `export { t } from './src/i18n';`, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      globalName: 'bundled',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'catalogue',
          setup(build) {
            build.onLoad({ filter: /messages\.json$/ }, ({ path }) => ({
              contents: bundledCatalogue(path, readFileSync(path, 'utf8'), drop),
              loader: 'json',
            }));
          },
        },
      ],
    });
    const zhPath = `${ROOT}public/_locales/zh_CN/messages.json`;
    expect(JSON.parse(bundledCatalogue(zhPath, readFileSync(zhPath, 'utf8'), drop))).toBeInstanceOf(Array);
    const bundled = new Function(`${result.outputFiles[0]!.text}; return bundled;`)() as { t: typeof t };
    const kept = Object.keys(pruneCatalogue(en, drop)) as MessageKey[];
    expect(kept.length).toBeGreaterThan(100);
    for (const key of kept)
      for (const lang of ['zh', 'en'] as const)
        expect(bundled.t(lang, key, 'A', 'B', 'C', 'D', 'E'), key).toBe(t(lang, key, 'A', 'B', 'C', 'D', 'E'));
  });
});

import { describe, expect, it } from 'vitest';
import { catalogueFor, droppedKeysUsed, pruneCatalogue } from './catalogue-prune';

const messages = {
  extName: { message: 'cartlint', description: 'name' },
  notice_banned: { message: 'banned on $1', placeholders: { p: { content: '$1' } } },
  popup_title: { message: 'Findings' },
  cli_usage: { message: 'usage' },
};

describe('catalogue pruning', () => {
  it('drops the named areas and the translator notes, keeps messages and placeholders', () => {
    expect(pruneCatalogue(messages, ['popup', 'cli'])).toEqual({
      extName: { message: 'cartlint' },
      notice_banned: { message: 'banned on $1', placeholders: { p: { content: '$1' } } },
    });
  });

  it('drops nothing but notes when no area is named', () => {
    expect(Object.keys(pruneCatalogue(messages, []))).toEqual(Object.keys(messages));
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
  });
});

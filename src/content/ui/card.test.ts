// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decision, link } from '../../../test/support/dom';
import { BUILT_IN_RULES } from '../../rules';
import type { Spot } from '../page/scan';
import { buildCard } from './card';

const spot = (rule: string | null): Spot => ({
  key: 'field input',
  kind: 'field',
  el: document.createElement('input'),
  label: null,
  row: null,
  text: 'https://s.click.taobao.com/x',
  judged: [
    {
      link: link('https://s.click.taobao.com/x', 'taobao'),
      decision: { ...decision('banned', '2022-03-01T00:00:00+08:00'), rule },
    },
  ],
  flag: 'banned',
});

describe('card', () => {
  it('says how old and how sure the deciding rule’s evidence is, in the page’s language', () => {
    const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES } as const;
    const en = buildCard(document, spot('KS-4'), { ...ctx, lang: 'en' }).querySelector('.evidence')!.textContent!;
    expect(en).toMatch(
      /^Last reported 2022-10-20 \(comparemela\.com \(ChinaStarMarket\)\); no report since\. Inferred: /,
    );
    const zh = buildCard(document, spot('KS-4'), { ...ctx, lang: 'zh' }).querySelector('.evidence')!.textContent!;
    expect(zh).toMatch(/^最近一次报道：2022-10-20（.+），此后未见报道。推断：/);
  });

  it('has no evidence line where no rule decided', () => {
    const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES, lang: 'en' } as const;
    expect(buildCard(document, spot(null), ctx).querySelector('.evidence')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
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

const noNotice = () => Promise.resolve('notice');

describe('card', () => {
  it('says how old and how sure the deciding rule’s evidence is, in the page’s language', () => {
    const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES } as const;
    const en = buildCard(document, spot('KS-4'), { ...ctx, lang: 'en' }, noNotice).querySelector('.evidence')!
      .textContent!;
    expect(en).toMatch(
      /^Last reported 2022-10-20 \(comparemela\.com \(ChinaStarMarket\)\); no report since\. Inferred: /,
    );
    const zh = buildCard(document, spot('KS-4'), { ...ctx, lang: 'zh' }, noNotice).querySelector('.evidence')!
      .textContent!;
    expect(zh).toMatch(/^最近一次报道：2022-10-20（.+），此后未见报道。推断：/);
  });

  it('has no evidence line where no rule decided', () => {
    const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES, lang: 'en' } as const;
    expect(buildCard(document, spot(null), ctx, noNotice).querySelector('.evidence')).toBeNull();
  });
});

describe('card copy', () => {
  const ctx = { platform: 'kuaishou', surface: 'live-cart', rules: BUILT_IN_RULES, lang: 'en' } as const;

  function open(askNotice: () => Promise<string>) {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const card = buildCard(document, spot('KS-4'), ctx, askNotice);
    document.body.replaceChildren(card);
    const copy = () => card.querySelector('button')!.click();
    const status = () => card.querySelector('[role="status"]')!.textContent;
    return { writeText, copy, status };
  }

  it('asks for the notice when the card opens, so the click copies the answer without asking again', async () => {
    const askNotice = vi.fn().mockResolvedValue('the notice');
    const { writeText, copy, status } = open(askNotice);
    expect(askNotice).toHaveBeenCalledTimes(1);
    expect(askNotice.mock.calls[0]![0].link.text).toBe('https://s.click.taobao.com/x');
    copy();
    await vi.waitFor(() => expect(status()).toBe('Notice copied'));
    expect(writeText).toHaveBeenCalledWith('the notice');
    expect(askNotice).toHaveBeenCalledTimes(1);
  });

  it('asks again on the click when the first answer failed, and says so when that fails too', async () => {
    const askNotice = vi.fn().mockRejectedValueOnce(new Error('worker restarting')).mockResolvedValueOnce('second');
    const first = open(askNotice);
    first.copy();
    await vi.waitFor(() => expect(first.status()).toBe('Notice copied'));
    expect(first.writeText).toHaveBeenCalledWith('second');

    const failing = open(() => Promise.reject(new Error('no worker')));
    failing.copy();
    await vi.waitFor(() => expect(failing.status()).toMatch(/reload the page/));
    expect(failing.writeText).not.toHaveBeenCalled();
  });
});

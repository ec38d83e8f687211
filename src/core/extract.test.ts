// Every line of the research corpus (test/fixtures/link-corpus.jsonl, a copy of ../shared/research/) is a case.
// Its labels map onto source + affiliate; `none` means no finding at all.
import { describe, expect, it } from 'vitest';
import { CORPUS_LINES as lines } from '../../test/support/corpus';
import { classify } from './extract';
import type { LinkKind, Source } from './types';

/**
 * Label → the sources a finding may have, and its affiliate value (`label`: the line's own `alliance`).
 * 淘宝联盟 covers Tmall goods too (`www.tmall.com/?ali_trackid=…`), so an alliance label accepts either.
 */
const LABELS: Record<string, { sources: Source[]; affiliate: boolean | 'label' }> = {
  taobao: { sources: ['taobao'], affiliate: 'label' },
  tmall: { sources: ['tmall'], affiliate: 'label' },
  'taobao-alliance': { sources: ['taobao', 'tmall'], affiliate: true },
  jd: { sources: ['jd'], affiliate: 'label' },
  'jd-union': { sources: ['jd'], affiliate: true },
  pinduoduo: { sources: ['pinduoduo'], affiliate: 'label' },
  'duoduo-jinbao': { sources: ['pinduoduo'], affiliate: true },
  youzan: { sources: ['youzan'], affiliate: 'label' },
  mokuai: { sources: ['mokuai'], affiliate: 'label' },
  vipshop: { sources: ['vipshop'], affiliate: 'label' },
  suning: { sources: ['suning'], affiliate: 'label' },
  kaola: { sources: ['kaola'], affiliate: 'label' },
  dangdang: { sources: ['dangdang'], affiliate: 'label' },
  '1688': { sources: ['1688'], affiliate: 'label' },
  'kuaishou-shop': { sources: ['kuaishou'], affiliate: 'label' },
  'douyin-shop': { sources: ['douyin'], affiliate: 'label' },
  'xiaohongshu-shop': { sources: ['xiaohongshu'], affiliate: 'label' },
  shortener: { sources: ['shortener'], affiliate: 'label' },
};

/**
 * Lines whose label the text alone cannot support, and what we answer instead. Each entry is checked both ways:
 * our answer, and that the label still differs (a corrected corpus line must leave this table).
 */
const DIVERGENT: Record<string, { source: Source; affiliate: boolean | null; why: string }> = {
  '5fu😄質3$FbOzd8kUAFb$:// ZH9102,打開/': {
    source: 'taobao',
    affiliate: true,
    why: 'the `$…$://` shape is the 淘客 tools’ token family (link-patterns §3); lines 58 and 61 of the same shape are labelled alliance',
  },
  '3$ABC$:// CZ3148': { source: 'taobao', affiliate: true, why: 'same `$…$://` 淘客 token family' },
  'http://dc2.jd.com/auto.php?service=transfer&type=pms&to=//item.jd.com/3167821.html&openlink=1': {
    source: 'jd',
    affiliate: false,
    why: 'the redirector carries a plain item page (item.jd.com/<sku>.html) and no union marker',
  },
  'https://t.vip.com/BVBGjIBlt28': {
    source: 'vipshop',
    affiliate: true,
    why: 't.vip.com is the 唯品会联盟 CPS short host (link-patterns §10; lines 175, 177, 181 are labelled alliance)',
  },
  '￥oDuI8ZZ00nSaf￥': {
    source: 'taobao',
    affiliate: null,
    why: 'a bare token is Alibaba-wide; only where it was seen made it 1688, and the identical line 5 is labelled taobao',
  },
};

const CHECKED_KINDS: readonly string[] = ['url', 'short-link', 'token', 'deep-link', 'pid'] satisfies LinkKind[];

describe('link corpus', () => {
  it('has the lines the research describes', () => {
    expect(lines.length).toBeGreaterThanOrEqual(270);
    for (const line of lines) expect(line.source === 'none' || line.source in LABELS, line.source).toBe(true);
  });

  lines.forEach((line, index) => {
    const title = `line ${index + 1} (${line.source}, ${line.kind}): ${JSON.stringify(line.input).slice(0, 70)}`;
    it(title, () => {
      const findings = classify(line.input);
      for (const finding of findings) expect(finding.text).toBe(line.input.slice(finding.start, finding.end));

      if (line.source === 'none') {
        expect(findings, line.note).toEqual([]);
        return;
      }
      expect(findings.length, line.note).toBeGreaterThan(0);

      const divergent = DIVERGENT[line.input];
      const label = LABELS[line.source]!;
      const wantAffiliate = label.affiliate === 'label' ? line.alliance : label.affiliate;
      if (divergent) {
        expect(label.sources.includes(divergent.source) && wantAffiliate === divergent.affiliate, divergent.why).toBe(
          false,
        );
        for (const f of findings)
          expect({ source: f.source, affiliate: f.affiliate }, divergent.why).toEqual({
            source: divergent.source,
            affiliate: divergent.affiliate,
          });
        return;
      }
      for (const f of findings) {
        expect(label.sources, `${f.text} → ${f.evidence}`).toContain(f.source);
        expect(f.affiliate, `${f.text} → ${f.evidence}`).toBe(wantAffiliate);
      }
      if (CHECKED_KINDS.includes(line.kind)) expect(findings[0]!.kind).toBe(line.kind);
    });
  });
});

/** How the same link reaches us in other surroundings and encodings (link-patterns §0). */
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const VARIANTS: Array<[name: string, change: (input: string) => string, applies: (input: string) => boolean]> = [
  ['glued to Chinese text', (s) => `家人们看这个${s}好用`, () => true],
  ['between spaces in a sentence', (s) => `这个链接 ${s} 谢谢`, () => true],
  ['Windows line ends around it', (s) => `\r\n${s}\r\n`, () => true],
  // Nobody full-widths a percent-encoding; every other line may come full-width from a chat tool.
  ['full-width', toFullWidth, (s) => !s.includes('%')],
  ['a zero-width space before a dot', (s) => s.replace(/\.(?=[a-z])/i, '\u200b.'), () => true],
  ['。 for a dot', (s) => s.replace(/(\w)\.(\w)/, '$1。$2'), () => true],
  ['copied from HTML (&amp;)', (s) => s.replace(/&/g, '&amp;'), () => true],
  ['sentence punctuation after it', (s) => `${s}。`, () => true],
  ['an exclamation after it', (s) => `${s}！`, () => true],
  ['a markdown link', (s) => `[链接](${s})`, (s) => /^https?:\/\/\S+$/.test(s)],
  ['an HTML anchor', (s) => `<a href="${s}">买</a>`, (s) => /^https?:\/\/\S+$/.test(s)],
  [
    'an upper-case scheme and host',
    (s) => s.replace(/^(https?:\/\/[^/?#]+)/i, (head) => head.toUpperCase()),
    () => true,
  ],
  ['a JSON string value', (s) => JSON.stringify({ url: s }), () => true],
];

describe('corpus lines in other surroundings keep their answer', () => {
  const answer = (input: string) => classify(input).map((f) => [f.source, f.affiliate, f.seller]);
  it.each(VARIANTS)('%s', (_name, change, applies) => {
    for (const line of lines) {
      if (!applies(line.input)) continue;
      const changed = change(line.input);
      const findings = classify(changed);
      for (const f of findings) expect(f.text).toBe(changed.slice(f.start, f.end));
      expect(answer(changed), JSON.stringify(changed)).toEqual(answer(line.input));
    }
  });
});

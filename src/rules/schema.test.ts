import { describe, expect, it } from 'vitest';
import { mergeRules } from './index';
import { isWebAddress, parseRuleFile, validateRuleFile, validateRuleFileOnce } from './schema';
import { aRule } from '../../test/support/rules';

/** A rule that passes, as KS-4 is written; each test breaks one thing. */
const goodRule = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...aRule('KS-4', {
    links: [{ source: 'taobao' }],
    from: '2022-03-01T00:00:00+08:00',
    announcement: {
      title: { zh: '公告', en: 'Notice' },
      date: '2022-02-22',
      reports: [{ name: 'daoinsights.com', url: 'https://daoinsights.com/news/x' }],
    },
  }),
  ...overrides,
});

const window = (overrides: Record<string, unknown> = {}) => ({
  id: 'KS-6-tmall',
  links: [{ source: 'tmall' }],
  verdict: 'allowed',
  from: '2022-10-28T00:00:00+08:00',
  until: '2023-01-01T00:00:00+08:00',
  summary: { zh: '天猫可用。', en: 'Tmall allowed.' },
  ...overrides,
});

const errorsOf = (rule: Record<string, unknown>) => validateRuleFile({ rules: [rule] }, 'kuaishou.json').errors;

describe('validateRuleFile', () => {
  it('accepts a good rule and returns it unchanged', () => {
    const result = validateRuleFile({ rules: [goodRule({ exceptions: [window()] })] }, 'kuaishou.json');
    expect(result.errors).toEqual([]);
    expect(result.rules).toHaveLength(1);
    expect(result.rules[0]!.exceptions?.[0]?.id).toBe('KS-6-tmall');
  });

  it.each([
    [
      'until before from in an exception',
      { exceptions: [window({ until: '2022-10-01T00:00:00+08:00' })] },
      'kuaishou.json: rule KS-4: exceptions[0].until: must be after from',
    ],
    [
      'until equal to from',
      { until: '2022-03-01T00:00:00+08:00' },
      'kuaishou.json: rule KS-4: until: must be after from',
    ],
    ['an unknown field', { severity: 'high' }, 'kuaishou.json: rule KS-4: severity: unknown field'],
    [
      'an unknown field deep inside',
      { links: [{ source: 'jd', alliance: true }] },
      'kuaishou.json: rule KS-4: links[0].alliance: unknown field',
    ],
    [
      'a wrong type',
      { surfaces: 'live-cart' },
      'kuaishou.json: rule KS-4: surfaces: must be an array, got "live-cart"',
    ],
    [
      'a bad platform',
      { platform: 'tiktok' },
      'kuaishou.json: rule KS-4: platform: must be one of kuaishou, douyin, xiaohongshu, weixin, taobao-live; got "tiktok"',
    ],
    ['a bad surface', { surfaces: ['live-cart', 'cart'] }, 'kuaishou.json: rule KS-4: surfaces[1]: must be one of'],
    ['a bad source', { links: [{ source: 'amazon' }] }, 'kuaishou.json: rule KS-4: links[0].source: must be one of'],
    [
      'a bad verdict',
      { verdict: 'forbidden' },
      'kuaishou.json: rule KS-4: verdict: must be one of banned, review, allowed',
    ],
    [
      'a bad seller',
      { links: [{ source: 'jd', seller: 'pop' }] },
      'kuaishou.json: rule KS-4: links[0].seller: must be one of',
    ],
    [
      'an affiliate that is not a boolean',
      { links: [{ source: 'jd', affiliate: 'yes' }] },
      'kuaishou.json: rule KS-4: links[0].affiliate: must be true or false, got "yes"',
    ],
    ['an unparseable date', { from: '1 March 2022' }, 'kuaishou.json: rule KS-4: from: "1 March 2022" is not a date'],
    ['an impossible day', { from: '2022-02-30' }, 'kuaishou.json: rule KS-4: from: "2022-02-30" is not a date'],
    [
      'an impossible hour',
      { from: '2022-03-01T24:00:00+08:00' },
      'kuaishou.json: rule KS-4: from: "2022-03-01T24:00:00+08:00" is not a date',
    ],
    [
      'a date with no offset',
      { from: '2022-03-01T00:00:00' },
      'kuaishou.json: rule KS-4: from: "2022-03-01T00:00:00" is not a date',
    ],
    ['a typo year', { from: '2202-03-01' }, 'kuaishou.json: rule KS-4: from: "2202-03-01" is outside 2010…2099'],
    [
      'an exception before its rule',
      { exceptions: [window({ from: '2021-10-28T00:00:00+08:00' })] },
      "kuaishou.json: rule KS-4: exceptions[0].from: must lie within the rule's from…until",
    ],
    [
      'an exception after its rule ended',
      { until: '2022-06-01', exceptions: [window()] },
      "kuaishou.json: rule KS-4: exceptions[0].from: must lie within the rule's from…until",
    ],
    [
      'a missing English summary',
      { summary: { zh: '中文' } },
      'kuaishou.json: rule KS-4: summary.en: must be a string, got undefined',
    ],
    ['an empty link list', { links: [] }, 'kuaishou.json: rule KS-4: links: must not be empty'],
    [
      'a bad report address',
      { announcement: { title: { zh: 'a', en: 'b' }, reports: [{ name: 'x', url: 'daoinsights.com' }] } },
      'kuaishou.json: rule KS-4: announcement.reports[0].url: must be an http(s) address',
    ],
    [
      'a bad lastVerified',
      { lastVerified: '2026-13-01' },
      'kuaishou.json: rule KS-4: lastVerified: must be a day "YYYY-MM-DD"',
    ],
  ])('reports %s with its exact path', (_, overrides, expected) => {
    const errors = errorsOf(goodRule(overrides));
    expect(
      errors.some((error) => error.startsWith(expected)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('names a rule without a usable id by its position', () => {
    const { errors } = validateRuleFile({ rules: [goodRule(), goodRule({ id: 7 })] }, 'custom.json');
    expect(errors).toContain(
      'custom.json: rule #2: id: must be an id of letters, digits, ".", "_" or "-" (like "KS-4"), got number 7',
    );
  });

  it('reports duplicate ids, across rules and exceptions', () => {
    const { rules, errors } = validateRuleFile(
      { rules: [goodRule(), goodRule(), goodRule({ id: 'KS-5', exceptions: [window({ id: 'KS-4' })] })] },
      'kuaishou.json',
    );
    expect(errors).toEqual([
      'kuaishou.json: rule KS-4: id: duplicate id "KS-4"',
      'kuaishou.json: rule KS-5: exceptions[0].id: duplicate id "KS-4"',
    ]);
    expect(rules.map((r) => r.id)).toEqual(['KS-4']);
  });

  it('keeps the valid rules of a file with a broken one, and never throws', () => {
    const { rules, errors } = validateRuleFile(
      { rules: [goodRule(), null, 'KS-9', goodRule({ id: 'KS-5', from: 'soon' })] },
      'kuaishou.json',
    );
    expect(rules.map((r) => r.id)).toEqual(['KS-4']);
    expect(errors).toEqual([
      'kuaishou.json: rule #2: must be an object, got null',
      'kuaishou.json: rule #3: must be an object, got "KS-9"',
      expect.stringContaining('kuaishou.json: rule KS-5: from: "soon" is not a date'),
    ]);
  });

  it('stops checking at maxErrors problems, saying how many rules it left unchecked', () => {
    const broken = { rules: Array.from({ length: 1000 }, () => ({})) };
    const all = validateRuleFile(broken, 'big.json');
    const perRule = all.errors.length / 1000;
    expect(all.unchecked).toBeUndefined();
    const capped = validateRuleFile(broken, 'big.json', 100);
    const checked = Math.ceil(100 / perRule);
    expect(capped.errors).toEqual(all.errors.slice(0, checked * perRule));
    expect(capped.unchecked).toBe(1000 - checked);
    expect(validateRuleFile({ rules: [goodRule(), {}] }, 'small.json', 100).unchecked).toBeUndefined();
  });

  it('accepts a bare array and a comment, rejects other shapes', () => {
    expect(validateRuleFile([goodRule()], 'a.json').rules).toHaveLength(1);
    expect(validateRuleFile({ comment: ['why'], rules: [] }, 'a.json').errors).toEqual([]);
    expect(validateRuleFile({ rules: [], version: 2 }, 'a.json').errors).toEqual(['a.json: version: unknown field']);
    expect(validateRuleFile(42, 'a.json').errors).toEqual([
      'a.json: must be {"rules": [ … ]} or an array of rules, got number 42',
    ]);
  });

  it('says a year before 2010 is out of range, also for years 0–99', () => {
    expect(errorsOf(goodRule({ from: '0099-01-01' }))).toEqual([
      'kuaishou.json: rule KS-4: from: "0099-01-01" is outside 2010…2099',
    ]);
  });

  it('checks an exception against its rule only when the exception is an object', () => {
    expect(errorsOf(goodRule({ exceptions: [window(), 5] }))).toEqual([
      'kuaishou.json: rule KS-4: exceptions[1]: must be an object, got number 5',
    ]);
  });

  it('reports every bad citation of an announcement, not only the first', () => {
    const announcement = { title: { zh: 'a', en: 'b' }, reports: [{ name: 'x', url: 'ftp://x' }, 7] };
    expect(errorsOf(goodRule({ announcement }))).toEqual([
      'kuaishou.json: rule KS-4: announcement.reports[0].url: must be an http(s) address, got "ftp://x"',
      'kuaishou.json: rule KS-4: announcement.reports[1]: must be an object {"name", "url", "date"}, got number 7',
    ]);
  });

  it('reads a bare day as Beijing midnight', () => {
    const [rule] = validateRuleFile([goodRule({ from: '2022-03-01' })], 'a.json').rules;
    expect(rule!.from).toBe('2022-03-01T00:00:00+08:00');
  });
});

describe('isWebAddress', () => {
  it.each([
    ['https://daoinsights.com/news/x', true],
    ['http://a.b', true],
    ['https://36kr.com/p/3286599373218693', true],
    ['https://localhost/x', false],
    ['https://.com', false],
    ['https://a.', false],
    ['https://a/b.c', false],
    ['https://a.b c', false],
    ['ftp://a.b', false],
    ['javascript:alert(1)', false],
    ['daoinsights.com', false],
  ])('%s → %s (as the former pattern ^https?:\\/\\/[^\\s/]+\\.[^\\s]+$ said)', (url, ok) => {
    expect(isWebAddress(url)).toBe(ok);
  });

  it('refuses a megabyte of dots in one pass (the former pattern backtracked for minutes)', () => {
    const url = `https://${'.'.repeat(1_000_000)} x`;
    const announcement = { title: { zh: 'a', en: 'b' }, reports: [{ name: 'x', url }] };
    expect(errorsOf(goodRule({ announcement }))[0]).toMatch(
      /announcement\.reports\[0\]\.url: must be an http\(s\) address/,
    );
  });
});

describe('validateRuleFileOnce', () => {
  it('checks a file once: the same text gives back the same checked rules, a changed one is checked anew', () => {
    const first = validateRuleFileOnce([goodRule()], 'mine.json');
    const again = validateRuleFileOnce([goodRule()], 'mine.json');
    expect(again.rules[0]).toBe(first.rules[0]);
    expect(again.rules).not.toBe(first.rules);
    const changed = validateRuleFileOnce([goodRule({ verdict: 'review' })], 'mine.json');
    expect(changed.rules[0]?.verdict).toBe('review');
    expect(validateRuleFileOnce([goodRule({ from: 'soon' })], 'mine.json').errors[0]).toMatch(/from: "soon"/);
  });
});

describe('parseRuleFile', () => {
  it('names the file when the JSON is broken', () => {
    const { rules, errors } = parseRuleFile('{"rules": [', 'custom.json');
    expect(rules).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^custom\.json: not valid JSON: /);
  });
  it('tolerates a UTF-8 byte-order mark', () => {
    expect(parseRuleFile(`\uFEFF${JSON.stringify([goodRule()])}`, 'bom.json').errors).toEqual([]);
  });
});

describe('mergeRules', () => {
  const [builtIn] = validateRuleFile([goodRule()], 'a.json').rules;
  const custom = { ...builtIn!, verdict: 'review' as const };
  const managed = { ...builtIn!, verdict: 'allowed' as const };
  it('lets managed override custom override built-in, by id', () => {
    expect(mergeRules([builtIn!], [custom], [])).toEqual([{ ...custom, origin: 'custom', enabled: true }]);
    expect(mergeRules([builtIn!], [custom], [managed])).toEqual([{ ...managed, origin: 'managed', enabled: true }]);
  });
  it('switches off the ids the user disabled, but never a managed rule', () => {
    expect(mergeRules([builtIn!], [], [], new Set(['KS-4']))[0]!.enabled).toBe(false);
    expect(mergeRules([builtIn!], [], [managed], new Set(['KS-4']))[0]!.enabled).toBe(true);
  });
});

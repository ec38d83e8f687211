// Adding a source is one record: a new record must reach every table the recognisers read, and each real
// record's facts must be where the recognisers look for them.
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import {
  BANG_TOKEN_APP,
  DEFAULT_TOKEN_APP,
  deriveSourceTables,
  familyOf,
  hostRule,
  SOURCE_RECORDS,
  type SourceRecord,
} from './sources';
import { SOURCES, type Source } from './types';

/** A source nobody has yet (得物), with one of every fact a record can hold. */
const DEWU = {
  hosts: [
    { host: 'dewu.com', plainPage: /^\/product\// },
    { host: 'passport.dewu.com', notGoods: true },
  ],
  shareHosts: ['dw4.co'],
  markers: [{ key: 'dw_union', value: /./ }],
  alliancePaths: [/^\/dewu-cps\//],
  nonGoodsPaths: [/^\/dewu-feed\//],
  pathShapes: [{ page: /^\/dewu-goods\//, affiliate: null, short: false, evidence: 'dewu goods path' }],
  schemes: { dewuapp: { affiliate: null, target: 'inner' } },
  miniProgramApps: ['得物'],
  miniProgramPaths: [/^pages\/dewu\/detail/],
  shareTags: ['得物'],
  shareAppNames: /得物/,
  badges: ['得物'],
  allianceBadges: ['得物联盟'],
  cueUpgrade: true,
  tokens: 'named',
  secondHand: { name: '得物二手', hosts: ['dw4.co'] },
  ownOn: ['douyin'],
  shopNames: ['得物商城'],
} satisfies SourceRecord;

/** Does a derived value hold anything of the synthetic record (its id, a host, a name, a pattern)? */
function mentionsDewu(value: unknown): boolean {
  if (typeof value === 'string' && /dewu|dw4|得物|duapp/.test(value)) return true;
  if (value instanceof RegExp) return /dewu|得物/.test(value.source);
  if (value instanceof Map) return [...value].some(([k, v]) => mentionsDewu(k) || mentionsDewu(v));
  if (value instanceof Set || Array.isArray(value)) return [...value].some(mentionsDewu);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => mentionsDewu(k) || mentionsDewu(v));
  return false;
}

describe('source records', () => {
  it('a new record reaches every derived table', () => {
    const before = deriveSourceTables(SOURCE_RECORDS);
    const after = deriveSourceTables({ ...SOURCE_RECORDS, dewu: DEWU });
    for (const [name, table] of Object.entries(after)) {
      if (name === 'defaultTokenApp' || name === 'bangTokenApp') continue; // one value each, owned by one record
      expect(mentionsDewu(before[name as keyof typeof before]), name).toBe(false);
      expect(mentionsDewu(table), name).toBe(true);
    }
  });

  it('a record fills in its source where the recognisers read it', () => {
    const t = deriveSourceTables({ ...SOURCE_RECORDS, dewu: DEWU });
    expect(t.hostRules.find((r) => r.host === 'dewu.com')).toMatchObject({ source: 'dewu' });
    expect(t.hostRules.find((r) => r.host === 'passport.dewu.com')).toMatchObject({ source: null });
    expect(t.hostRules.find((r) => r.host === 'dw4.co')).toMatchObject({ source: 'shortener', shareOf: 'dewu' });
    expect(t.schemes.dewuapp).toMatchObject({ source: 'dewu', target: 'inner' });
    expect(t.badges.get('得物联盟')).toEqual({ source: 'dewu', affiliate: true });
    expect(t.family.get('dewu' as Source)).toBe('dewu');
    expect(t.ownSources.get('douyin')).toEqual(['douyin', 'dewu']);
  });

  it('has one record per source id, each named in both catalogues', () => {
    expect(Object.keys(SOURCE_RECORDS).sort()).toEqual([...SOURCES].sort());
    for (const id of Object.keys(SOURCE_RECORDS)) {
      expect(en, id).toHaveProperty(`source_${id}`);
      expect(zhCN, id).toHaveProperty(`source_${id}`);
    }
  });

  it('gives each token form one owning record', () => {
    expect(DEFAULT_TOKEN_APP).toBe('taobao');
    expect(BANG_TOKEN_APP).toBe('jd');
  });

  it('lists every host once', () => {
    const hosts = deriveSourceTables(SOURCE_RECORDS).hostRules.map((r) => r.host);
    expect(hosts.length).toBe(new Set(hosts).size);
  });

  it('puts Tmall and 1688 in Taobao’s family, and leaves a source without markers outside any', () => {
    expect(familyOf('tmall')).toBe('taobao');
    expect(familyOf('1688')).toBe('taobao');
    expect(familyOf('jd')).toBe('jd');
    expect(familyOf('kaola')).toBeUndefined();
  });

  it('finds a host by its longest suffix on whole labels', () => {
    expect(hostRule('s.click.taobao.com')).toMatchObject({ source: 'taobao', affiliate: true });
    expect(hostRule('item.taobao.com')).toMatchObject({ host: 'taobao.com' });
    expect(hostRule('taobao.com.evil.example')).toBeUndefined();
    expect(hostRule('nottaobao.com')).toBeUndefined();
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../src/core/types';
import douyin from '../src/rules/douyin.json';
import kuaishou from '../src/rules/kuaishou.json';
import taobaoLive from '../src/rules/taobao-live.json';
import weixin from '../src/rules/weixin.json';
import xiaohongshu from '../src/rules/xiaohongshu.json';
import { BUILT_IN_FILES, BUILT_IN_RULES } from '../src/rules/built-in';
import { validateRuleFile } from '../src/rules/schema';
import { builtInErrors, ruleFileErrors } from './built-in-check';
import { builtInRulesCompactEsbuild } from './built-in-compact';

const JSON_OF_FILES: Record<(typeof BUILT_IN_FILES)[number], unknown> = {
  'kuaishou.json': kuaishou,
  'douyin.json': douyin,
  'xiaohongshu.json': xiaohongshu,
  'weixin.json': weixin,
  'taobao-live.json': taobaoLive,
};

describe('built-in rules', () => {
  it('validate with zero errors', () => {
    expect(builtInErrors()).toEqual([]);
    expect(BUILT_IN_RULES.length).toBeGreaterThanOrEqual(18);
  });
  it('cover every rule of the research', () => {
    const ids = BUILT_IN_RULES.flatMap((r) => [r.id, ...(r.exceptions ?? []).map((e) => e.id)]);
    for (const id of [
      'DY-0',
      'DY-1',
      'DY-2',
      'DY-3',
      'DY-4',
      'KS-1',
      'KS-2',
      'KS-3',
      'KS-4',
      'KS-5',
      'KS-6-tmall',
      'KS-6-jd',
      'XHS-0',
      'XHS-1',
      'XHS-2',
      'XHS-3',
      'XHS-4',
      'WX-1',
    ])
      expect(ids).toContain(id);
  });
  it('keep the exact Beijing-time bounds of the Kuaishou rules', () => {
    const byId = new Map(BUILT_IN_RULES.map((r) => [r.id, r]));
    expect(byId.get('KS-2')!.from).toBe('2021-11-16T00:00:00+08:00');
    expect(byId.get('KS-4')!.from).toBe('2022-03-01T00:00:00+08:00');
    expect(byId.get('KS-4')!.exceptions![0]).toMatchObject({
      from: '2022-10-28T00:00:00+08:00',
      until: '2023-01-01T00:00:00+08:00',
    });
    expect(byId.get('KS-5')!.exceptions![0]).toMatchObject({
      from: '2022-10-28T00:00:00+08:00',
      until: '2022-12-01T00:00:00+08:00',
    });
  });
});

describe('ruleFileErrors', () => {
  const shipped = kuaishou.rules as unknown as Rule[];
  const withRule = (change: (rule: Record<string, unknown>) => void) => {
    const copy = structuredClone(kuaishou) as { rules: Record<string, unknown>[] };
    change(copy.rules[0]!);
    return copy;
  };

  it('passes a file whose shipped rules are what the schema makes of it', () => {
    expect(ruleFileErrors([['kuaishou.json', kuaishou]], shipped)).toEqual([]);
  });
  it('names the file, rule and field of an invalid rule', () => {
    const broken = withRule((rule) => (rule.until = '2019-01-01T00:00:00+08:00'));
    expect(ruleFileErrors([['kuaishou.json', broken]], shipped)).toEqual([
      'kuaishou.json: rule KS-1: until: must be after from',
    ]);
  });
  it('finds an id used in two files', () => {
    expect(
      ruleFileErrors(
        [
          ['kuaishou.json', kuaishou],
          ['copy.json', kuaishou],
        ],
        shipped,
      ),
    ).toContain('copy.json: rule KS-1: id: duplicate id, also in kuaishou.json');
  });
  it('finds shipped data that differs from the checked files', () => {
    const shippedChanged = [{ ...shipped[0]!, verdict: 'review' as const }, ...shipped.slice(1)];
    expect(ruleFileErrors([['kuaishou.json', kuaishou]], shippedChanged)).toEqual([
      'src/rules/built-in.ts: BUILT_IN_RULES differ from what the schema returns for the rule files',
    ]);
  });
});

describe('the built-in rules as bundled', () => {
  // What a content script or the core bench carries for BUILT_IN_RULES: the compact data and its expander, not the
  // schema that checked it (src/rules/schema.ts) and not the files' maintainer notes (`comment`).
  const bundle = async () => {
    const esbuild = await import('esbuild');
    return esbuild.build({
      stdin: {
        contents: `export { BUILT_IN_RULES, mergeRules } from './src/rules/index';`,
        resolveDir: fileURLToPath(new URL('..', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: 'bundled',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [builtInRulesCompactEsbuild()],
    });
  };

  it('bring neither the schema nor the comments into a bundle', async () => {
    const result = await bundle();
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.endsWith('src/rules/kuaishou.json'))).toBe(true);
    expect(inputs.filter((path) => path.endsWith('.ts')).sort()).toEqual([
      'src/rules/built-in.ts',
      'src/rules/compact.ts',
      'src/rules/index.ts',
    ]);
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('KS-4');
    expect(code).not.toContain(kuaishou.comment[0]!.slice(0, 40));
    expect(code.split('T00:00:00+08:00')).toHaveLength(2); // once, in the expander: the rules are compact
  });

  it('are, once the bundle runs, exactly the rules the schema reads from the files', async () => {
    const code = (await bundle()).outputFiles[0]!.text;
    const bundled = new Function(`${code}; return bundled;`)() as { BUILT_IN_RULES: Rule[] };
    const files = BUILT_IN_FILES.map((file) => validateRuleFile(JSON_OF_FILES[file], file).rules);
    expect(bundled.BUILT_IN_RULES).toStrictEqual(files.flat());
    expect(bundled.BUILT_IN_RULES).toStrictEqual(BUILT_IN_RULES);
  });
});

// What `cartlint check` works out once for a long list, however many rows repeat it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLines, runCli } from '../../test/support/cli';
import * as evidence from '../core/evidence';

vi.mock('../core/evidence', async (original) => {
  const real = await original<typeof import('../core/evidence')>();
  return { ...real, evidenceLine: vi.fn(real.evidenceLine) };
});

const ALLIANCE = 'https://s.click.taobao.com/rioMXxu';
const JD = 'https://item.jd.com/12103309.html';
const KUAISHOU = ['check', '-p', 'kuaishou', '-s', 'live-cart', '-d', '2022-03-01'];
const ROWS = 50;

/** A product list: a title column holding a 淘客 link and a link column, the same two products row after row. */
const table = () =>
  `标题,商品链接\n${Array.from({ length: ROWS }, (_, i) => (i % 2 ? `领券 ${ALLIANCE},${JD}` : `好物,${JD}`)).join('\n')}\n`;

afterEach(() => vi.restoreAllMocks());

describe('cartlint check on repeated rows', () => {
  it('writes the JSON findings of a row of several cells once per distinct row, a decision’s part once', async () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const { code, out } = await runCli([...KUAISHOU, '-c', '标题', '-c', '商品链接', '-f', 'json'], { stdin: table() });
    expect(code).toBe(1);
    const rows = jsonLines(out);
    expect(rows).toHaveLength(ROWS);
    expect(rows[1].findings.map((f: { text: string }) => f.text)).toEqual([ALLIANCE, JD]);
    expect(rows[1].findings[0]).toMatchObject({ source: 'taobao', verdict: 'banned', rule: 'KS-4' });
    const calls = (test: (value: unknown) => boolean) => stringify.mock.calls.filter(([value]) => test(value)).length;
    // Two distinct rows, both with the JD link; two decisions (the alliance link's and JD's).
    expect([calls((value) => value === JD), calls((value) => value === ALLIANCE)]).toEqual([2, 1]);
    expect(calls((value) => typeof value === 'object' && value !== null && 'verdict' in value)).toBe(2);
  });

  it('builds each deciding rule’s evidence line once, not once per finding', async () => {
    const line = vi.mocked(evidence.evidenceLine);
    line.mockClear();
    const { code, out } = await runCli([...KUAISHOU, '-c', '商品链接', '-f', 'csv'], {
      stdin: `商品链接\n${`${ALLIANCE}\n`.repeat(ROWS)}`,
    });
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toHaveLength(ROWS + 1);
    expect(line).toHaveBeenCalledTimes(1);
  });
});

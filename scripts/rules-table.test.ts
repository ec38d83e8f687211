import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, rulesTable, withTable } from './rules-table';

describe('README rules table', () => {
  it('is the table the rule files make (run `npx tsx scripts/rules-table.ts` after changing a rule)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withTable(readme, rulesTable())).toBe(readme);
  });

  it('lists every rule and exception, marking estimated dates and inferred states', () => {
    const table = rulesTable();
    expect(table).toContain('| ↳ KS-6-tmall |  | (exception to KS-4) | Tmall | allowed | 2022-10-28 → 2023-01-01 |');
    expect(table).toContain(
      '| DY-0-taobao | Douyin | showcase, video-cart, live-cart | Taobao, Tmall | **banned** | 2020-07-01 → 2020-08-20 (est.) |',
    );
    expect(table).toMatch(
      /\| KS-4 \|.*\| 2022-10-20, comparemela\.com \(ChinaStarMarket\); state after the reports inferred \|/,
    );
  });
});

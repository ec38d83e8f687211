import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { chunkText, jsonLines, runCli } from '../../test/support/cli';
import { describe, expect, it } from 'vitest';
import { main } from './cartlint';
import { MAX_RECORD } from './csv';
import { MAX_LINE, streamWriter } from './io';
import { BUILT_IN_RULES } from '../rules';

/** `check` for a Kuaishou live cart: most cases here judge one. */
const LIVE_CART = ['check', '-p', 'kuaishou', '-s', 'live-cart'];
const ALLIANCE = 'https://s.click.taobao.com/rioMXxu';
const JD = 'https://item.jd.com/12103309.html';
const TMALL = 'https://detail.tmall.com/item.htm?id=679540837892';

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'cartlint-cli-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('cartlint classify', () => {
  it('prints one JSON line per input line with every field of each link', async () => {
    const { code, out, err } = await run(['classify'], { stdin: `买 ${JD} 吧\n没有链接 ￥199\n` });
    expect(code).toBe(0);
    expect(err).toBe('');
    const [first, second] = jsonLines(out);
    expect(first.input).toBe(`买 ${JD} 吧`);
    expect(first.links).toHaveLength(1);
    expect(Object.keys(first.links[0]).sort()).toEqual([
      'affiliate',
      'end',
      'evidence',
      'kind',
      'source',
      'start',
      'text',
    ]);
    expect(first.links[0]).toMatchObject({ text: JD, start: 2, end: 2 + JD.length, source: 'jd' });
    expect(second).toEqual({ input: '没有链接 ￥199', links: [] });
  });

  it('reports progress on stderr for long inputs, keeping stdout clean', async () => {
    const lines = Array.from({ length: 20_001 }, (_, i) => `line ${i}`).join('\n');
    const { out, err } = await run(['classify'], { stdin: lines });
    expect(out.trim().split('\n')).toHaveLength(20_001);
    expect(err).toBe('cartlint: 10000 lines…\ncartlint: 20000 lines…\n');
  });
});

describe('cartlint check', () => {
  it('exits 1 and says why when a line is banned (JSON lines by default when piped)', async () => {
    const { code, out } = await run(
      ['check', '--platform', 'kuaishou', '--surface', 'live-cart', '--date', '2022-03-01'],
      {
        stdin: `${ALLIANCE}\n${JD}\nnothing here\n`,
      },
    );
    expect(code).toBe(1);
    const [alliance, jd, none] = jsonLines(out);
    expect(alliance).toMatchObject({
      input: ALLIANCE,
      line: 1,
      findings: [{ text: ALLIANCE, source: 'taobao', affiliate: true, verdict: 'banned', rule: 'KS-4' }],
    });
    expect(alliance.findings[0].reason).toMatch(/^Banned by KS-4 since 2022-03-01/);
    expect(jd.findings[0]).toMatchObject({ source: 'jd', verdict: 'banned', rule: 'KS-5' });
    expect(none).toEqual({ input: 'nothing here', line: 3, findings: [] });
  });

  it('honours the exact boundary: the day before is not banned', async () => {
    const { code, out } = await run([...LIVE_CART, '-d', '2022-02-28'], {
      stdin: ALLIANCE,
    });
    expect(code).toBe(0);
    expect(jsonLines(out)[0].findings[0]).toMatchObject({ verdict: 'allowed', rule: 'KS-1' });
  });

  it('exits 0 when nothing is banned, and judges by today in Beijing by default', async () => {
    const { code, out } = await run(
      ['check', '--platform', 'kuaishou', '--surface', 'video-cart', '--format', 'json'],
      { stdin: JD },
    );
    expect(code).toBe(0);
    expect(jsonLines(out)[0].findings[0]).toMatchObject({ verdict: 'allowed', rule: 'KS-5-elsewhere' });
  });

  it('reads a CSV export with a BOM, quotes and multi-line cells, picking the column by name', async () => {
    const csv = `\uFEFF商品ID,商品名称,商品链接\r\n1,"围巾, 红色","${JD}"\r\n2,"多行""描述""\r\n第二行",${TMALL}\r\n3,无链接,\r\n`;
    const path = file('products.csv', csv);
    const { code, out } = await run([...LIVE_CART, '-d', '2024-01-01', '--column', '商品链接', path]);
    expect(code).toBe(1);
    const rows = jsonLines(out);
    expect(rows.map((r) => [r.line, r.input, r.findings.map((f: { rule: string }) => f.rule)])).toEqual([
      [2, JD, ['KS-5']],
      [3, TMALL, ['KS-4']],
      [5, '', []],
    ]);
  });

  it('picks a CSV column by number, and scans every cell without --column', async () => {
    const path = file('list.csv', `name,link\n"a ${JD}",${TMALL}\n`);
    const byIndex = await run(['check', '-p', 'douyin', '-s', 'video-cart', '-c', '2', path]);
    expect(jsonLines(byIndex.out)[0].findings.map((f: { text: string }) => f.text)).toEqual([TMALL]);
    const everyCell = await run(['check', '-p', 'douyin', '-s', 'live-cart', path]);
    expect(everyCell.code).toBe(1);
    expect(jsonLines(everyCell.out)[0].findings.map((f: { text: string }) => f.text)).toEqual([JD, TMALL]);
  });

  it('reads a GBK export from Excel on Chinese Windows', async () => {
    const gbk = Buffer.concat([Buffer.from([0xc1, 0xb4, 0xbd, 0xd3]), Buffer.from(`\n${JD}\n`)]); // "链接"
    const { out } = await run([...LIVE_CART, '-c', '链接', file('gbk.csv', gbk)]);
    expect(jsonLines(out)[0]).toMatchObject({ input: JD, line: 2 });
  });

  it('decides the encoding at the first non-ASCII bytes, even far into the file', async () => {
    const ascii = `link\n${'x\n'.repeat(40_000)}`;
    const gbk = Buffer.concat([Buffer.from(ascii), Buffer.from([0xc1, 0xb4, 0xbd, 0xd3]), Buffer.from(` ${JD}\n`)]);
    const { out } = await run([...LIVE_CART, '-c', 'link', file('late-gbk.csv', gbk)]);
    expect(jsonLines(out).at(-1)).toMatchObject({ input: `链接 ${JD}` });
  });

  it('prints a readable table and a summary, without colours when piped', async () => {
    const { code, out } = await run([...LIVE_CART, '-d', '2024-01-01', '-f', 'table', '--lang', 'zh'], {
      stdin: `${ALLIANCE}\n${JD}\n`,
    });
    expect(code).toBe(1);
    expect(out).not.toContain('\u001b[');
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^行\s+结论\s+来源\s+规则\s+链接$/);
    expect(lines[1]).toMatch(new RegExp(`^1\\s+禁止\\s+淘宝\\s+KS-4\\s+${ALLIANCE.replace(/[.?]/g, '\\$&')}$`));
    expect(out).toContain('规则与原因：\nKS-4  自2022年3月1日0时起');
    expect(out.trim().split('\n').at(-1)).toBe(
      '共 2 条输入、2 个链接：禁止 2，待核实 0，允许 0（快手 · 直播间购物车（小黄车），按北京时间 2024-01-01 的规则）',
    );
  });

  it('explains a row decided by a time-bounded exception with the exception itself, not its parent rule', async () => {
    const { out } = await run([...LIVE_CART, '-d', '2022-11-01', '-f', 'table'], {
      stdin: `${TMALL}\n`,
    });
    expect(out).toMatch(/\bKS-6-tmall\b/);
    expect(out).toContain(
      'KS-6-tmall  For Double 11 2022 (00:00 on 28 October to 31 December), Tmall product links could again',
    );
  });

  it('colours the table on a terminal unless NO_COLOR is set', async () => {
    const argv = ['check', '-p', 'kuaishou', '-s', 'live-cart'];
    const coloured = await run(argv, { stdin: JD, tty: true });
    expect(coloured.out).toContain('\u001b[31;1m');
    const plain = await run(argv, { stdin: JD, tty: true, env: { NO_COLOR: '1' } });
    expect(plain.out).not.toContain('\u001b[');
    expect(plain.out).toMatch(/^Line\s+Verdict/);
  });

  it('writes a CSV report with a BOM that a spreadsheet opens with Chinese intact', async () => {
    const { out } = await run([...LIVE_CART, '-d', '2024-01-01', '-f', 'csv', '--lang', 'zh'], {
      stdin: `看这个 "好货", ${JD}\n`,
    });
    expect(out.startsWith('\uFEFF行,输入,链接,来源,联盟推广,结论,规则,原因,依据新旧\r\n')).toBe(true);
    expect(out).toContain(`1,"看这个 ""好货"", ${JD}",${JD},京东,`);
    expect(out).toContain(',禁止,KS-5,');
    expect(out).toContain(',最近一次报道：2022-10-20（comparemela.com (ChinaStarMarket)），此后未见报道。推断：');
  });

  it('says per finding when its rule was last reported and whether the verdict is inferred', async () => {
    const json = async (day: string, platform: string, surface: string, text: string) =>
      JSON.parse((await run(['check', '-p', platform, '-s', surface, '-d', day], { stdin: text })).out).findings[0];
    expect(await json('2024-01-01', 'kuaishou', 'live-cart', JD)).toMatchObject({
      rule: 'KS-5',
      reported: '2022-10-20',
      reportedBy: 'comparemela.com (ChinaStarMarket)',
      inferred: true,
    });
    expect(await json('2026-01-01', 'douyin', 'video-cart', JD)).toMatchObject({
      rule: 'DY-6',
      reported: '2025-10-07',
      inferred: false,
    });
    const table = await run(['check', '-p', 'douyin', '-s', 'video-cart', '-d', '2026-01-01', '-f', 'table'], {
      stdin: JD,
    });
    expect(table.out).toContain('Last reported 2025-10-07 (zwkt.com.cn); no report since.');
  });

  it('picks Chinese from LANG', async () => {
    const { out } = await run([...LIVE_CART, '-d', '2024-01-01'], {
      stdin: JD,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(jsonLines(out)[0].findings[0].reason).toMatch(/^依据 KS-5/);
  });

  it.each([
    [
      ['check', '--surface', 'live-cart'],
      '--platform is required: one of kuaishou, douyin, xiaohongshu, weixin, taobao-live',
    ],
    [
      ['check', '-p', 'tiktok', '-s', 'live-cart'],
      '--platform must be one of kuaishou, douyin, xiaohongshu, weixin, taobao-live, not "tiktok"',
    ],
    [
      ['check', '-p', 'douyin', '-s', 'cart'],
      '--surface must be one of live-cart, video-cart, product-detail, note, showcase, profile, ad-link, unknown, not "cart"',
    ],
    [
      ['check', '-p', 'douyin', '-s', 'live-cart', '--date', '2022-02-30'],
      '--date must be a real day written YYYY-MM-DD',
    ],
    [
      ['check', '-p', 'douyin', '-s', 'live-cart', '--format', 'xml'],
      '--format must be one of json, table, csv, xlsx, html, not "xml"',
    ],
    [['check', '-p', 'douyin', '-s', 'live-cart', '--colour'], 'unknown option --colour'],
    [
      ['check', '-p', 'douyin', '-s', 'live-cart', '/nonexistent/list.txt'],
      'cannot read /nonexistent/list.txt (ENOENT): check the path',
    ],
    [['check', '-p', 'douyin', '-s', 'live-cart', 'a.txt', 'b.txt'], 'give at most one FILE'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('exits 2 on %j with a message that says what to fix', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`cartlint: ${message}`);
    expect(err).toMatch(/Run "cartlint (\w+ )?--help" for usage\.\n$/);
  });

  it('exits 2 on CSV problems: missing column, bad index, unclosed quote', async () => {
    const good = file('good.csv', 'name,link\n1,x\n');
    const missing = await run(['check', '-p', 'douyin', '-s', 'live-cart', '-c', 'url', good]);
    expect(missing.err).toContain(`no column "url" in ${good}; its header has: name, link`);
    const index = await run(['check', '-p', 'douyin', '-s', 'live-cart', '-c', '3', good]);
    expect(index.err).toContain(`column 3 does not exist: ${good} has 2 columns`);
    const path = file('bad.csv', 'name,link\n1,"never closed\n');
    const quote = await run(['check', '-p', 'douyin', '-s', 'live-cart', '-c', 'link', path]);
    expect([missing.code, index.code, quote.code]).toEqual([2, 2, 2]);
    expect(quote.err).toContain(`${path}: the quoted cell that starts on line 2 is never closed`);
  });

  it('takes -c ID for a header it lacks as a mistake, not as column ID, but a letter inside the table as a column', async () => {
    const list = file('ids.csv', `商品ID,商品链接\n1,${ALLIANCE}\n`);
    for (const spec of ['ID', 'SKU']) {
      const { code, out, err } = await run([...LIVE_CART, '-c', spec, list]);
      expect([code, out]).toEqual([2, '']);
      expect(err).toContain(`no column "${spec}" in ${list}; its header has: 商品ID, 商品链接`);
    }
    const headerless = file('headerless.csv', `好物,${ALLIANCE}\n好物,${JD}\n`);
    const { code, out } = await run([...LIVE_CART, '-d', '2022-03-01', '-c', 'B', headerless]);
    expect(code).toBe(1);
    expect(jsonLines(out).map((row) => row.findings.map((f: { text: string }) => f.text))).toEqual([[JD]]);
  });
});

describe('cartlint check --rules', () => {
  it('uses a rule file over the built-in rules, and refuses a broken one whole', async () => {
    const [ks5] = JSON.parse(readFileSync(join(__dirname, '..', 'rules', 'kuaishou.json'), 'utf8')).rules.filter(
      (r: { id: string }) => r.id === 'KS-5',
    );
    const lifted = file('lifted.json', JSON.stringify({ rules: [{ ...ks5, until: '2025-01-01' }] }));
    const argv = [...LIVE_CART, '-d', '2025-06-01'];
    const withFile = await run([...argv, '--rules', lifted], { stdin: JD });
    expect(withFile.code).toBe(0);
    expect(jsonLines(withFile.out)[0].findings[0]).toMatchObject({ verdict: 'review', rule: null });
    expect((await run(argv, { stdin: JD })).code).toBe(1);
    const broken = await run(
      [...argv, '--rules', file('half.json', JSON.stringify({ rules: [{ ...ks5, verdict: 'nope' }] }))],
      { stdin: JD },
    );
    expect(broken.code).toBe(2);
    expect(broken.out).toBe('');
    expect(broken.err).toContain('half.json: rule KS-5: verdict: must be one of banned, review, allowed; got "nope"');
  });
});

describe('cartlint notice', () => {
  it('prints a notice to paste, in the language asked', async () => {
    const { code, out } = await run([
      'notice',
      '-p',
      'kuaishou',
      '-s',
      'live-cart',
      '--lang',
      'zh',
      '-d',
      '2024-01-01',
      ALLIANCE,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('【平台规则提醒】快手 · 直播间购物车（小黄车）');
    expect(out).toContain(`链接：${ALLIANCE}（淘宝）`);
    expect(out).toContain('生效时间：2022-03-01（北京时间）');
    expect(out).toContain('https://equalocean.com/analysis/2022022517049');
  });
  it('exits 2 when there is no link to explain', async () => {
    expect((await run(['notice', '-p', 'kuaishou', '-s', 'live-cart'])).code).toBe(2);
    const { code, err } = await run(['notice', '-p', 'kuaishou', '-s', 'live-cart', '￥199 包邮']);
    expect(code).toBe(2);
    expect(err).toContain('no commerce link found in "￥199 包邮"');
  });
});

describe('cartlint rules', () => {
  it('lists the rules with their Beijing dates, and exceptions under their rule', async () => {
    const { code, out } = await run(['rules', '--platform', 'kuaishou']);
    expect(code).toBe(0);
    expect(out).toMatch(/\nKS-4\s+Kuaishou\s+live-cart, video-cart.*\s+Banned\s+2022-03-01\s+in force\s+From 00:00/);
    expect(out).toMatch(/\n↳ KS-6-tmall\s+Allowed\s+2022-10-28\s+2023-01-01\s+For Double 11/);
    expect(out).toMatch(
      /\nKS-4 .*\n {4}Last reported 2022-10-20 \(comparemela\.com \(ChinaStarMarket\)\); no report since\. Inferred: /,
    );
    expect(out).not.toContain('DY-4');
  });
  it('validates a good file and exits 2 with each problem of a bad one', async () => {
    const good = await run(['rules', '--validate', join(__dirname, '..', 'rules', 'kuaishou.json')]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/kuaishou\.json: 7 rule\(s\), no problems/);
    const path = file(
      'custom.json',
      JSON.stringify({ rules: [{ id: 'X-1', platform: 'kuaishou', surfaces: ['cart'] }] }),
    );
    const bad = await run(['rules', '--validate', path]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${path}: rule X-1: surfaces[0]: must be one of`);
    expect(bad.err).toMatch(/problem\(s\); fix them and validate again\n$/);
    const broken = await run(['rules', '--validate', file('broken.json', '{"rules": [')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.json: not valid JSON');
  });
  it('validates a file that lifts a built-in ban, and warns about it on stderr', async () => {
    const ks4 = BUILT_IN_RULES.find((rule) => rule.id === 'KS-4')!;
    const path = file('override.json', JSON.stringify([{ ...ks4, links: [{ source: '*' }], verdict: 'allowed' }]));
    const { code, out, err } = await run(['rules', '--validate', path]);
    expect(code).toBe(0);
    expect(out).toMatch(/override\.json: 1 rule\(s\), no problems/);
    expect(err).toMatch(/^warning: .*override\.json: rule KS-4 allows links that the built-in rule KS-4 bans/m);
  });
});

describe('help', () => {
  it.each([
    [[]],
    [['--help']],
    [['check', '--help']],
    [['classify', '-h']],
    [['notice', '--help']],
    [['rules', '--help']],
  ])('%j prints usage and exits 0', async (argv) => {
    const { code, out } = await run(argv);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage|cartlint —/);
  });
});

describe('odd inputs and outputs (the red team’s CLI attacks)', () => {
  const judge = [...LIVE_CART, '-d', '2022-03-01'];
  const listing = `商品链接\r\n${ALLIANCE} 淘宝\r\n${JD}\r\n`;

  it('reads UTF-16 with and without a BOM, either byte order, and says which encoding it used', async () => {
    const le = Buffer.from(listing, 'utf16le');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.from(le).swap16()]) {
      const path = file('unicode.txt', bytes);
      const { code, out, err } = await run([...judge, '-c', '商品链接', path]);
      expect(code).toBe(1);
      expect(jsonLines(out).map((row) => row.findings[0].rule)).toEqual(['KS-4', 'KS-5']);
      expect(err).toMatch(new RegExp(`^cartlint: reading ${path} as UTF-16 (LE|BE)\\n$`));
    }
  });

  it('reads tab- and semicolon-separated lists (Excel’s "Unicode text", sep=), and ="…" cells as text', async () => {
    // Excel's "Unicode text": UTF-16 with tabs, a title row above the header; a title with a comma in it.
    const tabs = `快手小店 商品导出\r\n商品ID\t商品名称\t商品链接\r\n1\t手套, 加绒\t${ALLIANCE}\r\n2\t袜子\t${JD}\r\n`;
    const unicode = file('unicode-text.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]));
    const read = await run([...judge, '-c', '商品名称', '-c', '商品链接', '-f', 'csv', unicode]);
    expect(read.code).toBe(1);
    expect(read.err).toBe(
      `cartlint: reading ${unicode} as UTF-16 LE\ncartlint: reading ${unicode} with tabs between columns\n`,
    );
    const rows = read.out.trim().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['3', '4']); // line numbers as the file has them
    expect(rows[0]).toContain('"手套, 加绒');
    // A European Excel's CSV: semicolons, its sep= hint first, IDs kept as text with ="…".
    const semicolons = file('eu.csv', `sep=;\n商品ID;商品链接;价格\n="0012";${JD};19,9\n`);
    const eu = await run([...judge, '-c', 'A', '-c', '商品链接', '--lang', 'zh', semicolons]);
    expect(eu.err).toBe(`cartlint：按分号分列读取 ${semicolons}\n`);
    expect(jsonLines(eu.out)).toMatchObject([{ input: `0012 ${JD}`, line: 3, findings: [{ rule: 'KS-5' }] }]);
  });

  it('reads a UTF-8 file with one stray byte as UTF-8 and warns, instead of missing its 淘口令 as GBK', async () => {
    const bytes = Buffer.concat([
      Buffer.from('【淘宝】复制这段 ￥AbCd1234￥ 打开手机淘宝\n商品 '),
      Buffer.from([0xff, 0x0a]),
    ]);
    const { code, out, err } = await run([...judge, file('stray.txt', bytes)]);
    expect(code).toBe(1);
    expect(jsonLines(out)[1].input).toBe('商品 \uFFFD');
    expect(err).toContain('has bytes that are not UTF-8 (the first at byte 66); read as UTF-8 with � in their place');
  });

  it('says so when it reads GBK, and refuses bytes that are no text', async () => {
    const gbk = await run([...judge, '-c', '链接', file('gbk-note.csv', Buffer.from([0xc1, 0xb4, 0xbd, 0xd3, 0x0a]))]);
    expect(gbk.err).toContain('as GBK');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const { code, err } = await run(['classify', file('binary.bin', binary)]);
    expect(code).toBe(2);
    expect(err).toContain('binary.bin is not text');
  });

  it('stops a stray CSV quote at the record cap, naming its line, instead of buffering the rest of the file', async () => {
    const rest = `x,${'y'.repeat(99)}\n`.repeat(Math.ceil((MAX_RECORD * 2) / 102));
    const { code, err } = await run([...LIVE_CART, '-c', '2'], {
      stdin: `标题,商品链接\n"oops,x\n${rest}`,
    });
    expect(code).toBe(2);
    expect(err).toContain(
      `-: the quoted cell that starts on line 2 runs past ${MAX_RECORD} characters without closing`,
    );
  });

  it('refuses a line over the line cap with exit 2, not a crash', async () => {
    const mib = Buffer.alloc(1 << 20, 'a');
    const chunks = Array.from({ length: MAX_LINE / (1 << 20) + 1 }, () => mib);
    const { code, err } = await run(['classify'], { stdin: [Buffer.from('ok\n'), ...chunks] });
    expect(code).toBe(2);
    expect(err).toContain(`-: line 2 is longer than ${MAX_LINE} characters`);
  });

  it('neutralises formula cells in the CSV report as spreadsheets expect', async () => {
    const inputs = ['=HYPERLINK("http://evil.example/")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const { out } = await run([...judge, '-f', 'csv', '-c', '1'], {
      stdin: `a\n${inputs.map((text) => `"${text.replace(/"/g, '""')} ${JD}"`).join('\n')}\n`,
    });
    const cells = out
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[1]);
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://evil.example/"") ${JD}"`,
      `'+1+1 ${JD}`,
      `'-2+3 ${JD}`,
      `'@SUM(A1) ${JD}`,
      `'\t=1 ${JD}`,
    ]);
  });

  it('shows terminal escapes from a rule file instead of printing them raw', async () => {
    const [ks4] = JSON.parse(readFileSync(join(__dirname, '..', 'rules', 'kuaishou.json'), 'utf8')).rules.filter(
      (r: { id: string }) => r.id === 'KS-4',
    );
    const summary = { zh: '\u001b[2J清屏', en: '\u001b[31mRED\u001b]0;title\u0007\u009b0m' };
    const rules = file('ansi.json', JSON.stringify({ rules: [{ ...ks4, summary }] }));
    const listed = await run(['rules', '--rules', rules, '-p', 'kuaishou']);
    const table = await run([...judge, '-f', 'table', '--rules', rules], { stdin: ALLIANCE });
    for (const { out } of [listed, table]) {
      expect(out).toContain('␛[31mRED␛]0;title␇\\x9b0m');
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it('stops checking a rule file with a flood of problems after the first hundred, and exits 2', async () => {
    // A first rule with an id has one problem fewer than the empty ones after it: the cap falls inside a rule.
    const path = file('empty-rules.json', JSON.stringify({ rules: [{ id: 'X-1' }, ...Array(20_000).fill({})] }));
    const { code, err } = await run(['rules', '--validate', path]);
    expect(code).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines.filter((line) => line.startsWith(`${path}: rule `))).toHaveLength(100);
    expect(lines.at(-2)).toMatch(/^… and \d+ more problem\(s\) not listed$/);
    expect(lines.at(-1)).toMatch(
      /empty-rules\.json: checking stopped after 10\d problem\(s\), with 19990 rule\(s\) not checked; fix these/,
    );
  });

  it('exits 2 with a message, no stack, when the output cannot be written (a full disk)', async () => {
    const chunks = [Buffer.from(`${JD}\n`.repeat(2000)), Buffer.from(`${JD}\n`.repeat(2000))];
    for (const argv of [judge, ['classify']]) {
      const full = new Writable({
        write: (_chunk, _encoding, done) => done(Object.assign(new Error('no space left'), { code: 'ENOSPC' })),
      });
      const { code, err } = await run(argv, {
        stdin: chunks,
        stdout: streamWriter(full as unknown as NodeJS.WriteStream),
      });
      expect(code).toBe(2);
      expect(err).toContain('cannot write the output (ENOSPC)');
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 when the reader goes away (| head) after banned rows, 0 when nothing banned was seen', async () => {
    const closedAfterOne = () => {
      let writes = 0;
      const pipe = new Writable({
        write: (_chunk, _encoding, done) =>
          ++writes === 1 ? done() : done(Object.assign(new Error('broken pipe'), { code: 'EPIPE' })),
      });
      return streamWriter(pipe as unknown as NodeJS.WriteStream);
    };
    const many = (line: string) => [1, 2, 3].map(() => Buffer.from(`${line}\n`.repeat(3000)));
    const banned = await run(judge, { stdin: many(ALLIANCE), stdout: closedAfterOne() });
    expect([banned.code, banned.err]).toEqual([1, '']);
    const clean = await run(judge, { stdin: many('nothing here'), stdout: closedAfterOne() });
    expect([clean.code, clean.err]).toEqual([0, '']);
  });

  it('reads a FIFO (as process substitution gives) instead of refusing it as a directory', async () => {
    const fifo = join(dir, 'links.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s\\n' '${ALLIANCE}' > '${fifo}'`]);
    const { code, out } = await run([...judge, fifo]);
    writer.kill();
    expect(code).toBe(1);
    expect(jsonLines(out)[0].findings[0].rule).toBe('KS-4');
    const directory = await run(['classify', dir]);
    expect([directory.code, directory.err]).toEqual([2, expect.stringContaining('(EISDIR)')]);
  });

  it('exits 2 with a message, no stack, when reading the input fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('input/output error'), { code: 'EIO' }));
      },
    });
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(judge, {
      stdin: failing,
      stdout: { write: (chunk) => (out.push(chunkText(chunk)), true) },
      stderr: { write: (chunk) => (err.push(chunkText(chunk)), true) },
      env: {},
      now: new Date(),
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('input/output error');
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });
});

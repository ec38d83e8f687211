// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTERS } from '../../dashboards';
import type { Flag } from '../../core/judge';
import { createScanner, type Scanner, type Spot } from './scan';
import { loadFixture, wordJudges } from '../../../test/support/dom';

const adapter = (id: string) => ADAPTERS.find((a) => a.id === id)!;
const judges = () => wordJudges({ 's.click.taobao.com': 'banned', 't.cn/': 'review', 'kwaixiaodian.com': 'allowed' });

let control = new AbortController();
afterEach(() => control.abort());

function start(id: string, options: { pollMs?: number; onScan?: () => void } = {}) {
  control = new AbortController();
  const changes: (readonly Spot[])[] = [];
  const j = judges();
  const scanner = createScanner({
    doc: document,
    adapter: adapter(id),
    judges: j,
    signal: control.signal,
    onChange: (spots) => changes.push(spots),
    onScan: options.onScan,
    rescanMs: 10,
    pollMs: options.pollMs ?? 50,
  });
  scanner.scanAll();
  return { scanner, changes, judges: j };
}

const field = (spots: readonly Spot[]) =>
  spots.find((s) => s.kind === 'field' && s.el.hasAttribute('data-fixture-field'))!;

describe('scanner on the Kuaishou live helper fixture', () => {
  it('judges the paste field and every cart row, with source badges', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const { scanner } = start('kuaishou-live-helper');
    const spots = scanner.spots();
    const paste = field(spots);
    expect(paste.key).toBe('field input "粘贴商品链接"');
    expect(paste.judged.map((j) => j.decision.verdict)).toEqual(['banned', 'review', 'allowed']);
    expect(paste.flag).toBe('banned');

    const rows = spots.filter((s) => s.kind === 'row');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    // Rows past the first time slice are judged on a later task.
    await vi.waitFor(() => expect(rows.map((r) => r.flag)).toEqual(['banned', 'banned', 'review', null]));
    // Row 2 has no link at all: its 京东 badge alone makes it banned.
    expect(rows[1]!.judged.map((j) => [j.link.kind, j.link.text])).toEqual([['badge', '京东']]);
  });

  it('re-judges a field on typing, on the next frame, and only that field', async () => {
    loadFixture('kuaishou-live-helper');
    const { scanner, judges: j } = start('kuaishou-live-helper');
    const input = document.querySelector<HTMLInputElement>('[data-fixture-field]')!;
    expect(field(scanner.spots()).flag).toBeNull();
    j.calls.length = 0;
    input.value = 'https://t.cn/R123456';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(field(scanner.spots()).flag).toBe('review'));
    expect(j.calls).toEqual(['https://t.cn/R123456']);
  });

  it('does not rescan the page while the operator types in an input it never judges (a price, a password)', async () => {
    loadFixture('kuaishou-live-helper');
    const price = document.createElement('input');
    price.type = 'number';
    document.body.append(price);
    let scans = 0;
    control = new AbortController();
    const scanner = createScanner({
      doc: document,
      adapter: adapter('kuaishou-live-helper'),
      judges: judges(),
      signal: control.signal,
      onChange: () => {},
      onScan: () => scans++,
      rescanMs: 10,
      pollMs: 10_000,
    });
    scanner.scanAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = scans;
    for (const value of ['1', '19', '199']) {
      price.value = value;
      price.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(scans).toBe(before);
  });

  it('keeps the place when the page re-renders the field, and reads values set by script without events', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const { scanner } = start('kuaishou-live-helper');
    const before = field(scanner.spots());
    const oldEl = before.el;
    const win = window as unknown as { __fixture: { rerender(): void; setValue(text: string): void } };
    win.__fixture.rerender();
    await vi.waitFor(() => expect(field(scanner.spots()).el.isConnected).toBe(true));
    const after = field(scanner.spots());
    expect(after.key).toBe(before.key);
    expect(after.el).not.toBe(oldEl);
    expect(after.flag).toBe('banned');

    win.__fixture.setValue('nothing to see');
    await vi.waitFor(() => expect(field(scanner.spots()).flag).toBeNull());
  });

  it('stops watching when its signal aborts', async () => {
    loadFixture('kuaishou-live-helper');
    const { changes } = start('kuaishou-live-helper');
    const count = changes.length;
    control.abort();
    const input = document.querySelector<HTMLInputElement>('[data-fixture-field]')!;
    input.value = 'https://s.click.taobao.com/rioMXxu';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(changes.length).toBe(count);
  });
});

describe('scanner in micro-frontends', () => {
  it('finds fields inside an open shadow root (WeChat Store talent micro-app)', () => {
    loadFixture('weixin-store-talent', { demo: true });
    const { scanner } = start('weixin-store-talent');
    const paste = field(scanner.spots());
    expect(paste.el.getRootNode()).toBe(document.querySelector('micro-app')!.shadowRoot);
    expect(paste.flag).toBe('review');
    expect(scanner.spots().filter((s) => s.kind === 'row')).toHaveLength(4);
  });

  it('finds fields and rows inside a same-origin iframe (WeChat Channels wujie console)', async () => {
    loadFixture('weixin-channels-live', { demo: true });
    const { scanner } = start('weixin-channels-live');
    const paste = field(scanner.spots());
    expect(paste.el.ownerDocument).toBe(document.querySelector('iframe')!.contentDocument);
    expect(paste.flag).toBe('review');
    await vi.waitFor(() =>
      expect(
        scanner
          .spots()
          .filter((s) => s.kind === 'row')
          .map((r) => r.flag),
      ).toEqual(['banned', 'banned', 'review', null]),
    );
  });
});

/** A Kuaishou live-helper list of `rows` rows, each with a banned link. */
function bannedCart(rows: number) {
  document.body.replaceChildren();
  const list = document.createElement('div');
  list.className = 'list-container--x';
  for (let i = 0; i < rows; i++) {
    const row = document.createElement('div');
    row.className = 'list-item--y';
    row.textContent = `商品 ${i} https://s.click.taobao.com/${i}`;
    list.append(row);
  }
  document.body.append(list);
}

describe('scanner time slicing', () => {
  it('judges a long list in slices: the first scan returns early, later tasks finish every row', async () => {
    bannedCart(60);
    const slow = wordJudges({ 's.click.taobao.com': 'banned' });
    const judges = {
      ...slow,
      text(text: string) {
        const until = performance.now() + 1; // 1 ms per row, like a heavy page
        while (performance.now() < until);
        return slow.text(text);
      },
    };
    control = new AbortController();
    const changes: number[] = [];
    const settled: number[] = [];
    const scanner = createScanner({
      doc: document,
      adapter: adapter('kuaishou-live-helper'),
      judges,
      signal: control.signal,
      onChange: (spots) => changes.push(spots.filter((s) => s.flag).length),
      onSettled: () => settled.push(changes.length),
    });
    scanner.scanAll();
    expect(scanner.busy()).toBe(true);
    // A few rows fit the first time slice; the wall clock is not asserted (CI machines are busy).
    expect(slow.calls.length).toBeLessThan(30);
    expect(changes[0]).toBe(slow.calls.length);
    await vi.waitFor(() => expect(changes.at(-1)).toBe(60), { timeout: 15_000 }); // 60 slow rows on a busy CI machine
    expect(changes.length).toBeGreaterThan(2);
    await vi.waitFor(() => expect(settled).toEqual([changes.length]), { timeout: 15_000 }); // once, after the last slice
    expect(scanner.busy()).toBe(false);
  });
});

describe('scanner on a long list whose places take long to find', () => {
  it('judges the first rows, those in view when a cart lands, in the first pass', () => {
    bannedCart(60);
    // A page whose places cost more to find than the whole first-pass budget (a 2,000-row cart).
    const { scanner } = start('kuaishou-live-helper', {
      onScan: () => {
        const until = performance.now() + 10;
        while (performance.now() < until);
      },
    });
    const rows = scanner.spots().filter((spot) => spot.kind === 'row');
    expect(rows).toHaveLength(60);
    expect(rows[0]!.flag).toBe('banned');
  });
});

describe('scanner on a virtualised list', () => {
  function list(rows: [index: number | null, text: string][]) {
    document.body.replaceChildren();
    const container = document.createElement('div');
    container.className = 'list-container--v';
    for (const [index, text] of rows) {
      const row = document.createElement('div');
      row.className = 'list-item--v';
      show(row, index, text);
      container.append(row);
    }
    document.body.append(container);
    return container;
  }
  /** A row node showing the page's item `index` (none: a list the page does not number). */
  function show(row: HTMLElement, index: number | null, text: string) {
    if (index !== null) row.dataset.index = String(index);
    row.textContent = text;
  }
  const rowFlags = (spots: readonly Spot[]) => spots.filter((s) => s.kind === 'row').map((s) => [s.row, s.flag]);
  /** A structural rescan, then the rows on screen with their flags once judged. */
  async function rescanned(scanner: Scanner, rows: (number | Flag | null)[][]) {
    scanner.scanAll();
    await vi.waitFor(() => expect(rowFlags(scanner.spots())).toEqual(rows));
  }

  it('re-judges a recycled row whose framework writes the next goods into its text nodes in place', async () => {
    // Vue and React patch a text-only child by setting the Text node's data: no node is added or removed.
    const container = list([
      [null, 'https://s.click.taobao.com/0'],
      [null, 'https://kwaixiaodian.com/1'],
    ]);
    container.className = `vue-recycle-scroller ready ${container.className}`; // the library's classes first
    const { scanner } = start('kuaishou-live-helper');
    await vi.waitFor(() =>
      expect(rowFlags(scanner.spots())).toEqual([
        [1, 'banned'],
        [2, null],
      ]),
    );
    const [first, second] = Array.from(container.children, (row) => row.firstChild as Text);
    first!.data = 'https://kwaixiaodian.com/2';
    second!.data = 'https://s.click.taobao.com/3';
    await vi.waitFor(() =>
      expect(rowFlags(scanner.spots())).toEqual([
        [1, null],
        [2, 'banned'],
      ]),
    );
  });

  it('remembers the verdicts of rows whose recycled nodes now show other rows, and forgets rows that are gone', async () => {
    const container = list([
      [0, 'https://s.click.taobao.com/0'],
      [1, 'https://kwaixiaodian.com/1'],
    ]);
    const { scanner } = start('kuaishou-live-helper');
    await vi.waitFor(() =>
      expect(rowFlags(scanner.spots())).toEqual([
        [1, 'banned'],
        [2, null],
      ]),
    );
    // Scrolled: the same two nodes now show items 2 and 3.
    const [first, second] = Array.from(container.children) as HTMLElement[];
    show(first!, 2, 'https://t.cn/2');
    show(second!, 3, 'https://s.click.taobao.com/3');
    await rescanned(scanner, [
      [3, 'review'],
      [4, 'banned'],
    ]);
    expect(rowFlags(scanner.scrolledPast())).toEqual([
      [1, 'banned'],
      [2, null],
    ]);
    // Scrolled back: item 1 is on screen again, judged from its node, and no longer counted twice.
    show(second!, 0, 'https://kwaixiaodian.com/0');
    await rescanned(scanner, [
      [3, 'review'],
      [1, null],
    ]);
    expect(rowFlags(scanner.scrolledPast())).toEqual([
      [2, null],
      [4, 'banned'],
    ]);

    // A list the page does not number: a removed row is gone, not scrolled past.
    const plain = list([[null, 'https://s.click.taobao.com/a']]);
    await rescanned(scanner, [[1, 'banned']]);
    plain.replaceChildren();
    scanner.scanAll();
    expect(scanner.spots().filter((s) => s.kind === 'row')).toEqual([]);
    expect(scanner.scrolledPast().map((s) => s.row)).toEqual([2, 4, 3]); // and not the unnumbered row 1
  });

  it('counts the items an unnumbered recycling list showed before a scroll, once each, and not an edit', async () => {
    const container = list([
      [null, '商品 1 https://s.click.taobao.com/1'],
      [null, '商品 2 https://kwaixiaodian.com/2'],
    ]);
    const { scanner } = start('kuaishou-live-helper');
    await vi.waitFor(() =>
      expect(rowFlags(scanner.spots())).toEqual([
        [1, 'banned'],
        [2, null],
      ]),
    );
    const [first, second] = Array.from(container.children) as HTMLElement[];
    const scroll = () => container.dispatchEvent(new Event('scroll')); // does not bubble: captured at the root
    const past = () => scanner.scrolledPast().map((spot) => spot.judged.map((j) => j.link.text).join());

    // The operator scrolls: both nodes show the next items (vue-virtual-scroller's pool).
    scroll();
    show(first!, null, '商品 3 https://t.cn/3');
    show(second!, null, '商品 4 https://s.click.taobao.com/4');
    await rescanned(scanner, [
      [1, 'review'],
      [2, 'banned'],
    ]);
    expect(past()).toEqual(['s.click.taobao.com', 'kwaixiaodian.com']);
    // Scrolled back: item 1 is counted from its node again, not twice; item 3 is now scrolled past.
    scroll();
    show(first!, null, '商品 1 https://s.click.taobao.com/1');
    await rescanned(scanner, [
      [1, 'banned'],
      [2, 'banned'],
    ]);
    expect(past()).toEqual(['kwaixiaodian.com', 't.cn/']);
    // A row whose links stay (a countdown, a sales counter) shows the same item.
    scroll();
    show(second!, null, '商品 4 https://s.click.taobao.com/4 剩余 9 秒');
    await rescanned(scanner, [
      [1, 'banned'],
      [2, 'banned'],
    ]);
    expect(past()).toHaveLength(2);
    // Long after the last scroll, a row that changes its link is the same item edited, not another item.
    vi.spyOn(window.performance, 'now').mockReturnValue(window.performance.now() + 5000);
    show(second!, null, '商品 4 https://kwaixiaodian.com/4');
    await rescanned(scanner, [
      [1, 'banned'],
      [2, null],
    ]);
    vi.restoreAllMocks();
    expect(past()).toHaveLength(2);
  });

  it('forgets a field that goes just after a scroll (a dialog closed): only list rows are scrolled past', async () => {
    const container = list([[null, 'https://kwaixiaodian.com/1']]);
    const dialog = document.createElement('input');
    dialog.value = 'https://s.click.taobao.com/x';
    document.body.append(dialog);
    const { scanner } = start('kuaishou-live-helper');
    expect(scanner.spots().find((spot) => spot.el === dialog)?.flag).toBe('banned');
    container.dispatchEvent(new Event('scroll'));
    dialog.remove();
    scanner.scanAll();
    expect(scanner.spots().some((spot) => spot.el === dialog)).toBe(false);
    expect(scanner.scrolledPast()).toEqual([]);
  });

  it('forgets scrolled-past rows when the judges change (a new surface or config): nothing to judge them by', async () => {
    const container = list([[0, 'https://t.cn/0']]);
    const { scanner } = start('kuaishou-live-helper');
    await vi.waitFor(() => expect(rowFlags(scanner.spots())).toEqual([[1, 'review']]));
    const row = container.firstElementChild as HTMLElement;
    row.dataset.index = '1';
    row.textContent = 'nothing';
    scanner.scanAll();
    expect(rowFlags(scanner.scrolledPast())).toEqual([[1, 'review']]);
    scanner.invalidate();
    expect(scanner.scrolledPast()).toEqual([]);
  });
});

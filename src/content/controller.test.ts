// @vitest-environment happy-dom
// The content script end to end in happy-dom: real core and built-in rules, a fake extension runtime.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  fromWire,
  SNAPSHOT_KEY,
  type ConfigSnapshot,
  type FrameTop,
  type TabFinding,
} from '../protocol';
import { startContent, type Content } from './controller';
import { createJudges } from './judges';
import { MARK } from './ui/marks';
import type { Report } from './page-life';
import { loadFixture } from '../../test/support/dom';
import { aConfig, aWatchRule } from '../../test/support/rules';

const JD = 'https://item.jd.com/100012043978.html';
const TAOBAO_ALLIANCE = 'https://s.click.taobao.com/rioMXxu';

function fakeRuntime(
  config: { current: ConfigSnapshot },
  {
    failFirst = 0,
    targets = {} as Record<string, string | null>,
    stored = {} as Record<string, unknown>,
    /** config/get answers only once this resolves: a worker slow to wake after a browser start. */
    workerAwake = Promise.resolve(),
    /** What frame/top answers: the tab's top page as the worker knows it. */
    top = { url: null, surface: 'unknown' } as FrameTop,
  } = {},
) {
  const reports: Report[] = [];
  /** Every request type sent, in order. */
  const sent: string[] = [];
  const resolves: string[] = [];
  let listener: ((message: unknown, senderId: string | undefined) => void) | null = null;
  let failures = failFirst;
  return {
    reports,
    sent,
    resolves,
    send: (message: unknown, senderId = 'ext') => listener?.(message, senderId),
    runtime: {
      id: () => 'ext',
      stored: async (key: string) => stored[key],
      onMessage: (l: typeof listener) => void (listener = l),
      async sendMessage(message: unknown) {
        const request = fromWire(message) as { type: string } & Report;
        sent.push(request.type);
        if (failures > 0) {
          failures--;
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
        if (request.type === 'config/get') {
          await workerAwake;
          return { ok: true, value: config.current };
        }
        if (request.type === 'tab/report') {
          reports.push({ page: request.page, findings: request.findings, counts: request.counts, at: request.at });
          return { ok: true, value: { ok: true } };
        }
        if (request.type === 'frame/top') return { ok: true, value: top };
        if (request.type === 'frame/gone') return { ok: true, value: { ok: true } };
        if (request.type === 'link/resolve') {
          const url = (message as { url: string }).url;
          resolves.push(url);
          return { ok: true, value: { target: targets[url] ?? null } };
        }
        return { ok: false, error: `unexpected ${request.type}` };
      },
    },
  };
}

let content: Content | null = null;
afterEach(() => content?.stop());

/** The window as a cross-origin frame's script sees it: a top of its own, and a parent it may not read. */
function asCrossOriginFrame(win: Window): Window {
  const parent = {
    get document(): never {
      throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
    },
  };
  return new Proxy(win, {
    get(target, key) {
      if (key === 'top' || key === 'parent') return parent;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function start(runtime: ReturnType<typeof fakeRuntime>['runtime'], win: Window = window) {
  content = startContent({
    win,
    runtime,
    makeJudges: (context) => createJudges(context),
    retryDelays: [5, 5, 5],
    reportDelayMs: 5,
    routePollMs: 20,
  });
  return content;
}

const verdicts = (findings: TabFinding[]) => findings.map((f) => `${f.link.source}:${f.decision.verdict}`);
const pasteField = () => document.querySelector<HTMLInputElement>('[data-fixture-field]')!;

function type(text: string) {
  const input = pasteField();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('content script', () => {
  it('stays idle where neither an adapter nor a watch rule claims the page: no report, no UI', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://example.com/page/helper',
    );
    document.body.innerHTML = '<textarea id="note"></textarea>';
    const fake = fakeRuntime({ current: aConfig() });
    await start(fake.runtime)!.ready();
    expect(fake.reports).toEqual([]);
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
  });

  it('reads a page no adapter knows once a watch rule names it, under the rule’s platform and surface', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://shop.example.com/goods/edit?id=9',
    );
    document.body.innerHTML =
      '<textarea id="goods-link"></textarea><div data-role="goods-list"><div class="goods-row--x1Y2">' +
      `<a href="${JD}">京东商品</a></div><div class="goods-row--x1Y2">本店商品</div></div>`;
    const watchRules = [{ ...aWatchRule('W-1'), origin: 'custom' as const }];
    const fake = fakeRuntime({ current: aConfig({ watchRules }) });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    const last = fake.reports.at(-1)!;
    expect(last.page).toMatchObject({ adapter: 'watch:W-1', platform: 'kuaishou', surface: 'live-cart' });
    expect(last.page.reads).toEqual({ fields: 1, rows: 2 });
    expect(verdicts(last.findings)).toEqual(['jd:banned']);
  });

  it('leaves out a watch rule’s selector the page cannot parse, and still reads the rest', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://shop.example.com/goods/edit',
    );
    document.body.innerHTML = `<div data-role="goods-list"><div class="goods-row"><a href="${JD}">x</a></div></div>`;
    const rule = aWatchRule('W-2', {
      fields: ['#goods-link[', '#also'],
      rows: ['[data-role="goods-list"] .goods-row'],
    });
    const fake = fakeRuntime({ current: aConfig({ watchRules: [{ ...rule, origin: 'managed' }] }) });
    start(fake.runtime);
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)?.findings ?? [])).toEqual(['jd:banned']));
  });

  it('judges the Kuaishou live cart with the core, marks the field and reports the page', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    const last = fake.reports.at(-1)!;
    expect(last.page).toMatchObject({
      adapter: 'kuaishou-live-helper',
      platform: 'kuaishou',
      surface: 'live-cart',
      surfaceFrom: 'adapter',
    });
    const field = last.findings.filter((f) => f.where === '粘贴商品链接');
    expect(verdicts(field)).toEqual(['taobao:banned', 'shortener:review']);
    expect(last.counts.allowed).toBeGreaterThan(0); // the shop's own link: counted, not listed
    expect(pasteField().getAttribute(MARK)).toBe('banned');
    expect(document.querySelector('[data-cartlint-ui]')).not.toBeNull();
  });

  it('reports how many fields and rows it reads, and none on a page without either', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.page.reads?.rows).toBe(4));
    const fields = document.querySelectorAll('input:not([type="hidden"]), textarea, [contenteditable="true"]').length;
    expect(fake.reports.at(-1)!.page.reads!.fields).toBe(fields);
    content!.stop();
    for (const el of document.querySelectorAll('input, textarea, [contenteditable], [class^="list-container"]'))
      el.remove();
    const bare = fakeRuntime({ current: aConfig() });
    start(bare.runtime);
    await vi.waitFor(() => expect(bare.reports.at(-1)?.page.reads).toEqual({ fields: 0, rows: 0 }));
  });

  it('sends no new report when a rescan of a long list finds every row as it was', async () => {
    loadFixture('kuaishou-live-helper');
    const list = document.createElement('div');
    list.className = 'list-container-long';
    for (let i = 0; i < 1000; i++) {
      const row = document.createElement('div');
      row.className = 'list-item-row';
      row.textContent = `商品 ${i} ${TAOBAO_ALLIANCE}?id=${i}`;
      list.append(row);
    }
    document.body.append(list);
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    const life = await vi.waitFor(() => content?.life() ?? expect.fail('no page life yet'));
    await vi.waitFor(() => expect(life.scanner.busy()).toBe(false), { timeout: 15_000 });
    await vi.waitFor(() => expect(fake.reports.at(-1)?.counts.banned).toBeGreaterThanOrEqual(1000), {
      timeout: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const sent = fake.reports.length;

    list.firstElementChild!.append(document.createElement('span')); // a tooltip's empty node inside a row
    // A page as slow as a real 2,000-row cart (each read of the clock 1 ms on): the rows go through the slices
    // again, which end in a settle.
    const now = performance.now.bind(performance);
    let slow = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now() + ++slow);
    life.scanner.scanAll();
    clock.mockRestore();
    expect(life.scanner.busy()).toBe(true);
    await vi.waitFor(() => expect(life.scanner.busy()).toBe(false), { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.reports.length).toBe(sent);
  });

  it('keeps judging across a worker restart: failed messages are retried', async () => {
    loadFixture('kuaishou-live-helper');
    const fake = fakeRuntime({ current: aConfig() }, { failFirst: 2 });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.length).toBeGreaterThan(0));
    type(TAOBAO_ALLIANCE);
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)!.findings)).toEqual(['taobao:banned']));
  });

  it('reports a paused site without judging or drawing anything', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({
      current: aConfig({ settings: { ...DEFAULT_SETTINGS, pausedSites: ['zs.kwaixiaodian.com'] } }),
    });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.length).toBe(1));
    expect(fake.reports[0]!.findings).toEqual([]);
    expect(fake.reports[0]!.page.adapter).toBe('kuaishou-live-helper');
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
  });

  it('re-judges on config/changed: the operator calling it the short-video cart makes JD allowed', async () => {
    loadFixture('kuaishou-live-helper');
    const config = { current: aConfig() };
    const fake = fakeRuntime(config);
    start(fake.runtime);
    await content!.ready();
    type(JD);
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)!.findings)).toEqual(['jd:banned']));

    fake.send({ type: 'config/changed' }, 'someone-else'); // not from our extension: ignored
    config.current = aConfig({ surfaceOverrides: { [fake.reports.at(-1)!.page.pattern]: 'video-cart' } });
    fake.send({ type: 'config/changed' });
    await vi.waitFor(() => expect(fake.reports.at(-1)!.counts).toEqual({ banned: 0, review: 0, allowed: 1 }));
    expect(fake.reports.at(-1)!.findings).toEqual([]);
    expect(fake.reports.at(-1)!.page).toMatchObject({ surface: 'video-cart', surfaceFrom: 'user' });
    expect(pasteField().hasAttribute(MARK)).toBe(false);
  });

  it('starts a fresh page life on an SPA route change, clearing the old findings', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    document.getElementById('route-change')!.click();
    await vi.waitFor(() => expect(fake.reports.at(-1)!.page.url).toMatch(/\/page\/helper\/record$/));
    await vi.waitFor(() => expect(fake.reports.at(-1)!.findings).toEqual([]));
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
    expect(document.querySelectorAll('[data-cartlint-ui]')).toHaveLength(1);
  });

  it('scrolls to and flashes a finding on finding/reveal', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    const scroll = vi.fn();
    pasteField().scrollIntoView = scroll;
    const finding = fake.reports.at(-1)!.findings.find((f) => f.where === '粘贴商品链接')!;
    fake.send({ type: 'finding/reveal', findingId: finding.id });
    expect(scroll).toHaveBeenCalled();
    expect(document.querySelector('[data-cartlint-ui]')!.shadowRoot!.querySelector('.outline.flash')).not.toBeNull();
  });
});

describe('content script in a cross-origin frame of a dashboard (a goods picker on a sibling host)', () => {
  const PICKER = 'https://s.kwaixiaodian.com/picker/goods';
  const LIVE = 'https://zs.kwaixiaodian.com/page/helper';
  function openPicker() {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PICKER);
    document.body.innerHTML = '<div class="picker--Xy12"><input data-fixture-field placeholder="粘贴商品链接"></div>';
  }

  it('judges with the top page’s adapter and surface when its own address has none, and says when it goes', async () => {
    openPicker();
    const fake = fakeRuntime({ current: aConfig() }, { top: { url: LIVE, surface: 'live-cart' } });
    start(fake.runtime, asCrossOriginFrame(window));
    await content!.ready();
    type(JD); // banned in Kuaishou's live cart only: the frame's own cues say no surface
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)!.findings)).toEqual(['jd:banned']));
    expect(fake.reports.at(-1)!.page).toMatchObject({
      url: PICKER,
      adapter: 'kuaishou-live-helper',
      surface: 'live-cart',
      pattern: 'kuaishou-live-helper /page/helper',
    });
    expect(pasteField().getAttribute(MARK)).toBe('banned');
    expect(document.querySelector('[data-cartlint-ui]')).not.toBeNull(); // our UI in the frame's own document
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(fake.sent.at(-1)).toBe('frame/gone'));
  });

  it('stays idle in a top page the worker will not name (not a dashboard host): no report, no UI', async () => {
    openPicker();
    const fake = fakeRuntime({ current: aConfig() }, { top: { url: null, surface: 'unknown' } });
    start(fake.runtime, asCrossOriginFrame(window));
    await content!.ready();
    type(JD);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.reports).toEqual([]);
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
  });

  it('stays quiet when the top page’s site is paused', async () => {
    openPicker();
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['zs.kwaixiaodian.com'] };
    const fake = fakeRuntime({ current: aConfig({ settings }) }, { top: { url: LIVE, surface: 'live-cart' } });
    start(fake.runtime, asCrossOriginFrame(window));
    await vi.waitFor(() => expect(fake.reports.length).toBe(1));
    expect(fake.reports[0]!.counts).toEqual({ banned: 0, review: 0, allowed: 0 });
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
  });

  it('holds the top page’s submit for a banned link the worker says another frame of the tab holds', async () => {
    loadFixture('kuaishou-live-helper');
    const fake = fakeRuntime({ current: aConfig() });
    await start(fake.runtime)!.ready();
    type(JD);
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)!.findings)).toEqual(['jd:banned']));
    const { link, decision } = fake.reports.at(-1)!.findings[0]!;
    type(''); // the page's own field clean again: only the frame's link is left
    await vi.waitFor(() => expect(fake.reports.at(-1)!.findings).toEqual([]));
    const submit = document.querySelector<HTMLButtonElement>('[data-submit="确认添加"]')!;
    // happy-dom lays nothing out, so the guard finds its dialog unseen and warns with the browser's alert instead.
    const alerts: string[] = [];
    vi.stubGlobal('alert', (text: unknown) => void alerts.push(String(text)));
    submit.click();
    expect(document.querySelectorAll('#submit-log li')).toHaveLength(1); // nothing banned here: it runs
    fake.send({ type: 'frames/banned', banned: [{ link, decision }] });
    submit.click();
    await vi.waitFor(() => expect(alerts.join()).toContain(JD));
    expect(document.querySelectorAll('#submit-log li')).toHaveLength(1); // held
    vi.unstubAllGlobals();
  });

  it('asks nothing of the top page in the top frame, and sends no frame/gone', async () => {
    loadFixture('kuaishou-live-helper');
    const fake = fakeRuntime({ current: aConfig() });
    await start(fake.runtime)!.ready();
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(fake.reports.length).toBeGreaterThan(0));
    expect(fake.sent).not.toContain('frame/top');
    expect(fake.sent).not.toContain('frame/gone');
  });
});

describe('content script before the worker answers (the first moment after a browser start)', () => {
  /** A worker that stays asleep until `wake()`. */
  function sleepingWorker() {
    let wake = () => {};
    const awake = new Promise<void>((resolve) => (wake = resolve));
    return { awake, wake };
  }
  const paused = () => aConfig({ settings: { ...DEFAULT_SETTINGS, pausedSites: ['zs.kwaixiaodian.com'] } });

  it("judges at once with the worker's snapshot in storage, and re-judges when the worker's config differs", async () => {
    loadFixture('kuaishou-live-helper');
    const worker = sleepingWorker();
    // The operator's own rules, as last kept: the short-video cart chosen for this page, where JD is allowed.
    const kept = aConfig({ surfaceOverrides: { 'kuaishou-live-helper /page/helper': 'video-cart' } });
    const config = { current: aConfig() }; // meanwhile the choice was undone (another device's policy, say)
    const fake = fakeRuntime(config, { stored: { [SNAPSHOT_KEY]: kept }, workerAwake: worker.awake });
    start(fake.runtime);
    const life = await vi.waitFor(() => content?.life() ?? expect.fail('no page life yet'));
    type(JD);
    await vi.waitFor(() => expect(life.scanner.spots().find((s) => s.kind === 'field')?.judged).toHaveLength(1));
    expect(life.page()).toMatchObject({ surface: 'video-cart', surfaceFrom: 'user' });
    expect(pasteField().hasAttribute(MARK)).toBe(false); // allowed by the kept choice
    worker.wake();
    await vi.waitFor(() => expect(pasteField().getAttribute(MARK)).toBe('banned'));
    await vi.waitFor(() => expect(verdicts(fake.reports.at(-1)!.findings)).toEqual(['jd:banned']));
  });

  it('flags a paste at once with the stored snapshot while the worker sleeps', async () => {
    loadFixture('kuaishou-live-helper');
    const worker = sleepingWorker();
    const fake = fakeRuntime(
      { current: aConfig() },
      { stored: { [SNAPSHOT_KEY]: aConfig() }, workerAwake: worker.awake },
    );
    start(fake.runtime);
    await vi.waitFor(() => expect(content?.life()).not.toBeNull());
    type(TAOBAO_ALLIANCE);
    await vi.waitFor(() => expect(pasteField().getAttribute(MARK)).toBe('banned'));
    worker.wake();
  });

  it('stays quiet from the first moment on a site the stored snapshot pauses', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const worker = sleepingWorker();
    const fake = fakeRuntime(
      { current: paused() },
      { stored: { [SNAPSHOT_KEY]: paused() }, workerAwake: worker.awake },
    );
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.length).toBe(1));
    expect(fake.reports[0]!.findings).toEqual([]);
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
    worker.wake();
    await content!.ready();
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
  });

  it('goes quiet as soon as the worker says the site is paused, and ignores a snapshot it cannot read', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: paused() }, { stored: { [SNAPSHOT_KEY]: { rules: 'broken' } } });
    start(fake.runtime);
    await content!.ready();
    expect(content!.life()).toBeNull();
    expect(document.querySelector(`[${MARK}]`)).toBeNull();

    loadFixture('kuaishou-live-helper', { demo: true });
    content!.stop();
    const worker = sleepingWorker();
    const late = fakeRuntime(
      { current: paused() },
      { stored: { [SNAPSHOT_KEY]: aConfig() }, workerAwake: worker.awake },
    );
    start(late.runtime);
    await vi.waitFor(() => expect(document.querySelector(`[${MARK}]`)).not.toBeNull());
    worker.wake();
    await vi.waitFor(() => expect(document.querySelector(`[${MARK}]`)).toBeNull());
    await vi.waitFor(() => expect(late.reports.at(-1)!.findings).toEqual([]));
  });
});

describe('content script teardown', () => {
  it('takes its UI, marks and listeners away when stopped', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() });
    start(fake.runtime);
    await vi.waitFor(() => expect(document.querySelector(`[${MARK}]`)).not.toBeNull());
    content!.stop();
    expect(document.querySelector('[data-cartlint-ui]')).toBeNull();
    expect(document.querySelector(`[${MARK}]`)).toBeNull();
    const reports = fake.reports.length;
    type(TAOBAO_ALLIANCE);
    fake.send({ type: 'config/changed' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.reports.length).toBe(reports);
    expect(pasteField().hasAttribute(MARK)).toBe(false);
  });
});

describe('content script with the short-link resolver', () => {
  const SHORT = 'https://t.cn/R123456'; // in the demo field and the demo rows
  const resolverOn = () => aConfig({ settings: { ...DEFAULT_SETTINGS, resolveShortLinks: true } });
  const shortFindings = (findings: TabFinding[]) => findings.filter((f) => f.link.text === SHORT);

  it('never asks the background while the setting is off: short links stay for review', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: aConfig() }, { targets: { [SHORT]: TAOBAO_ALLIANCE } });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.resolves).toEqual([]);
    const short = shortFindings(fake.reports.at(-1)!.findings);
    expect(short.length).toBeGreaterThan(0);
    expect(verdicts(short).every((v) => v === 'shortener:review')).toBe(true);
  });

  it('asks once per distinct link when on, and judges the link by its target', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: resolverOn() }, { targets: { [SHORT]: TAOBAO_ALLIANCE } });
    start(fake.runtime);
    await vi.waitFor(() =>
      expect(verdicts(fake.reports.at(-1)!.findings.filter((f) => f.where === '粘贴商品链接'))).toEqual([
        'taobao:banned',
        'taobao:banned',
      ]),
    );
    const [field] = shortFindings(fake.reports.at(-1)!.findings);
    expect(field!.link).toMatchObject({ text: SHORT, source: 'taobao', affiliate: true, kind: 'short-link' });
    expect(field!.link.evidence).toContain(`${SHORT} → ${TAOBAO_ALLIANCE}`);
    expect(field!.decision.verdict).toBe('banned');
    expect(fake.resolves).toEqual([SHORT]); // the field and the row share one question
  });

  it('keeps review when the background finds no target', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const fake = fakeRuntime({ current: resolverOn() });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.resolves).toEqual([SHORT]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(verdicts(shortFindings(fake.reports.at(-1)!.findings)).every((v) => v === 'shortener:review')).toBe(true);
  });

  it('starts asking when the operator switches the resolver on, and stops judging by targets when it is off', async () => {
    loadFixture('kuaishou-live-helper', { demo: true });
    const config = { current: aConfig() };
    const fake = fakeRuntime(config, { targets: { [SHORT]: TAOBAO_ALLIANCE } });
    start(fake.runtime);
    await vi.waitFor(() => expect(fake.reports.at(-1)?.findings.length).toBeGreaterThan(0));
    expect(fake.resolves).toEqual([]);
    config.current = resolverOn();
    fake.send({ type: 'config/changed' });
    await vi.waitFor(() => expect(shortFindings(fake.reports.at(-1)!.findings)[0]?.link.source).toBe('taobao'));
    config.current = aConfig();
    fake.send({ type: 'config/changed' });
    await vi.waitFor(() => expect(shortFindings(fake.reports.at(-1)!.findings)[0]?.link.source).toBe('shortener'));
    expect(fake.resolves).toEqual([SHORT]);
  });
});

// One page life on a dashboard: from the adapter and a config snapshot to judged places, marks, outlines, the
// submit guard and reports. Everything it starts is bound to `signal`; aborting it tears all of it down.
import type { NoticeContext } from '../core/notice';
import type { JudgedLink, Lang, Rule, SurfaceOrUnknown } from '../core/types';
import type { ConfigSnapshot, PageInfo, Request } from '../protocol';
import type { AdapterMatch } from '../dashboards';
import { pageCues } from './page/cues';
import { spotOfFinding, toFindings, type PageFindings } from './findings';
import { createGuard } from './guard';
import { enabledRules, type JudgeContext } from './judges';
import { createMarks } from './ui/marks';
import { createOverlay } from './ui/overlay';
import type { Root } from './page/roots';
import { createScanner, type Judges, type Scanner, type Spot } from './page/scan';
import { guarded } from './page/schedule';
import { createShortLinks, type ShortLinks } from './short-links';
import { createUiHost } from './ui/host';

export interface Report extends PageFindings {
  page: PageInfo;
  at: string;
}

export type NoticeRequest = Omit<Request<'notice/text'>, 'type'>;

export interface PageLifeOptions {
  doc: Document;
  match: AdapterMatch;
  config: ConfigSnapshot;
  /** In a frame: the surface its top page reported, for when the frame's own cues do not tell. */
  inherited?: SurfaceOrUnknown;
  /** Banned links in the tab's other frames, read at the gesture: the guard holds this page's submit for them too. */
  elsewhere(): readonly JudgedLink[];
  lang: Lang;
  signal: AbortSignal;
  makeJudges(context: () => JudgeContext): Judges;
  /** Called on every change; `make` builds the report when it is actually sent. */
  report(make: () => Report): void;
  /** Where a short link leads (the background's link/resolve); asked only while the settings switch it on. */
  askLink?(url: string): Promise<string | null>;
  /** The notice of one flagged link (the background's notice/text). */
  askNotice(request: NoticeRequest): Promise<string>;
  now?(): Date;
  pollMs?: number;
  rescanMs?: number;
}

export interface PageLife {
  /** New config (rules, overrides, language): judge everything again. */
  setConfig(config: ConfigSnapshot, lang: Lang): void;
  /** Scroll to a finding's place and flash it; false when it is gone. */
  reveal(findingId: string): boolean;
  page(): PageInfo;
  scanner: Scanner;
}

/** A share text with a short link, a 口令 and a goods URL: what a paste takes through the core. No generic shortener
 *  (t.cn…): judging one would ask the short-link resolver, a request for a link nobody pasted. */
const WARM_UP = '【淘宝】https://m.tb.cn/h.gZ3kR7q ￥aB3cD4eF5gH￥ https://item.jd.com/100012043978.html';
/** Texts judged to warm the core, each other than the last (a memo would answer a repeat), and the most
 *  milliseconds of it per idle task: a paste that comes meanwhile waits no longer than that. */
const WARM_ROUNDS = 40;
const WARM_SLICE_MS = 4;
/** Rounds done in this content script: the core's code is shared by every page life (an SPA route starts one). */
let warmed = 0;

/** How many fields and rows the page's spots are: what the popup says cartlint reads. */
function readCounts(spots: readonly Spot[]): { fields: number; rows: number } {
  let rows = 0;
  for (const spot of spots) if (spot.kind === 'row') rows++;
  return { fields: spots.length - rows, rows };
}

export function startPageLife(options: PageLifeOptions): PageLife {
  const { doc, match, signal } = options;
  const { adapter, pattern } = match;
  const win = doc.defaultView!;
  const now = options.now ?? (() => new Date());
  let config = options.config;
  let lang = options.lang;
  let rules: Rule[] = enabledRules(config.rules);
  let surface: SurfaceOrUnknown = 'unknown';
  let surfaceFrom: PageInfo['surfaceFrom'] = 'unknown';
  let shortLinks: ShortLinks | null = null;

  /** The resolver follows the setting: switched off, nothing is asked and shorteners are judged as they are. */
  function syncShortLinks() {
    const { askLink } = options;
    if (!config.settings.resolveShortLinks || !askLink) shortLinks = null;
    else
      shortLinks ??= createShortLinks({
        ask: askLink,
        signal,
        onResolved() {
          scanner.invalidate();
          scanner.scanAll();
        },
      });
  }
  syncShortLinks();

  /** Operator's choice wins over the page's cues; true when the surface changed. */
  function detectSurface(roots: readonly Root[]): boolean {
    const chosen = config.surfaceOverrides[pattern];
    const cued = chosen ? null : adapter.surface(pageCues(roots, win.location.pathname));
    const next: SurfaceOrUnknown = chosen ?? ((cued !== 'unknown' && cued) || options.inherited || 'unknown');
    surfaceFrom = chosen ? 'user' : next === 'unknown' ? 'unknown' : 'adapter';
    if (next === surface) return false;
    surface = next;
    return true;
  }

  const context = (): NoticeContext => ({ platform: adapter.platform, surface, rules, lang });
  const page = (): PageInfo => ({
    url: win.location.href,
    adapter: adapter.id,
    platform: adapter.platform,
    surface,
    surfaceFrom,
    pattern,
    reads: readCounts(scanner.spots()),
  });
  /** A change judged while rows still wait for their slice, not yet reported. */
  let held = false;
  const report = () =>
    options.report(() => ({
      page: page(),
      ...toFindings([...scanner.spots(), ...scanner.scrolledPast()], lang),
      at: now().toISOString(),
    }));

  const ui = createUiHost(doc, signal);
  const marks = createMarks(signal);
  const askNotice = ({ link, decision }: JudgedLink) =>
    options.askNotice({ link, decision, platform: adapter.platform, surface, lang });
  const overlay = createOverlay({ ui, signal, context, askNotice });
  const guard = createGuard({
    submitLabels: adapter.submitLabels,
    ui,
    signal,
    // The form as it is at the gesture: a value a script set just before, or pasted in the same task, is judged now.
    state: () => (
      scanner.scanAll(),
      {
        // Rows of a virtual list scrolled out of view still count, as they do in the report.
        banned: [...scanner.spots(), ...scanner.scrolledPast()]
          .flatMap((spot) => spot.judged.filter(({ decision }) => decision.verdict === 'banned'))
          .concat(options.elsewhere()),
        lang,
        platform: adapter.platform,
        surface,
      }
    ),
  });

  const judges = options.makeJudges(() => ({ platform: adapter.platform, surface, rules, shortLinks }));
  const scanner: Scanner = createScanner({
    doc,
    adapter,
    signal,
    judges,
    pollMs: options.pollMs,
    rescanMs: options.rescanMs,
    onRoots(roots) {
      overlay.watch(roots);
      guard.watch(roots);
    },
    onScan(roots) {
      if (detectSurface(roots)) scanner.invalidate();
    },
    onChange(spots, changed) {
      marks.apply(spots);
      overlay.update(spots, changed);
      // A long list judged in slices is reported once, when it is all judged: one big message, not several.
      held = scanner.busy();
      if (!held) report();
    },
    // Only a change held back above: a rescan that found the list as it was (a tooltip added in a row) sends no
    // new report of 2,000 rows.
    onSettled() {
      if (held) report();
      held = false;
    },
  });

  scanner.scanAll();
  report(); // the page is known even before anything is found; also clears a previous route's findings
  // A page's first judgements run code the engine has not compiled or optimised yet: the first paste (15 ms and more
  // on a browser just started), and the first rows of a cart that lands, 0.15–0.25 ms each against 0.05 once warm.
  // Judging a share text and cart-like rows at idle, a few milliseconds at a time, warms it, once per content script.
  const warm = () =>
    guarded(signal, () => {
      const start = win.performance.now();
      do judges.text(`${warmed}\t商品 ${warmed} ¥${warmed}9.90 ${WARM_UP.replace(/\d{6,}/g, `$&${warmed}`)}`);
      while (++warmed < WARM_ROUNDS && win.performance.now() - start < WARM_SLICE_MS);
      if (warmed < WARM_ROUNDS) idle(warm);
    });
  const idle = (work: () => void) =>
    win.requestIdleCallback ? win.requestIdleCallback(work, { timeout: 2000 }) : win.setTimeout(work, 200);
  if (warmed < WARM_ROUNDS) idle(warm);

  return {
    scanner,
    page,
    setConfig(next, nextLang) {
      config = next;
      lang = nextLang;
      rules = enabledRules(next.rules);
      syncShortLinks();
      scanner.invalidate();
      scanner.scanAll();
      report();
    },
    reveal(findingId) {
      const spot = spotOfFinding(scanner.spots(), findingId);
      if (!spot?.el.isConnected) return false;
      spot.el.scrollIntoView({ block: 'center', inline: 'nearest' });
      overlay.flash(spot);
      return true;
    },
  };
}

// The tab's findings, worst first, one line each: filtered by verdict and a search, and virtualised — only the
// rows in view are in the DOM, so a 2,000-row cart scrolls like a short one. Arrow keys move between rows.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { VERDICTS, type Verdict } from '../core/types';
import type { TabFinding } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import { VerdictIcon } from '../ui/components/VerdictBadge';
import { FindingRow } from './FindingRow';
import { filterFindings, type VerdictFilter } from './summary';
import { scrollToShow, visibleRows } from './virtual';

/** One line per finding, and at most this many lines in view: ≥ 12 findings fit a 600 px popup. */
export const ROW_HEIGHT = 28;
const VIEW_ROWS = 13;

interface Props {
  sorted: readonly TabFinding[];
  /** The page's counts: a filter's button says how many links the page has of that verdict, listed or not. */
  counts: Record<Verdict, number>;
  copiedWhat: string | null;
  onCopy?(finding: TabFinding): void;
  onReveal(findingId: string): void;
}

const KEY_STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, n) => Math.min(n - 1, i + VIEW_ROWS - 1),
  PageUp: (i) => Math.max(0, i - (VIEW_ROWS - 1)),
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function FindingList({ sorted, counts, copiedWhat, onCopy, onReveal }: Props) {
  const lang = useLang();
  const tr = useT();
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [query, setQuery] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => filterFindings(sorted, verdict, query, lang), [sorted, verdict, query, lang]);
  const viewport = Math.min(shown.length, VIEW_ROWS) * ROW_HEIGHT;
  const { start, end } = visibleRows(scrollTop, viewport, shown.length, ROW_HEIGHT);

  // A new filter starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setFocusIndex(null);
  }, [verdict, query]);
  // The row the keyboard moved to is rendered by now: give it the focus.
  useEffect(() => {
    if (focusIndex === null) return;
    scroller.current?.querySelector<HTMLElement>(`li[data-index="${focusIndex}"] .finding-main`)?.focus();
  }, [focusIndex, start]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = KEY_STEPS[event.key];
    const row = (event.target as HTMLElement).closest?.('li[data-index]');
    if (!step || !row || shown.length === 0) return;
    event.preventDefault();
    const next = step(Number(row.getAttribute('data-index')), shown.length);
    const top = scrollToShow(next, scroller.current?.scrollTop ?? scrollTop, viewport, ROW_HEIGHT);
    if (scroller.current) scroller.current.scrollTop = top;
    setScrollTop(top);
    setFocusIndex(next);
  };

  const filters: VerdictFilter[] = ['all', ...VERDICTS];
  // Allowed links are counted, not listed (there is nothing to do about them): the ✓ filter says so, not "no match".
  const unlistedAllowed = verdict === 'allowed' && !query ? counts.allowed - shown.length : 0;
  const total = sorted.length;
  return (
    <section class="finding-list">
      <div class="filters" role="group" aria-label={tr('popup_filter_label')}>
        {filters.map((choice) => (
          <button
            type="button"
            key={choice}
            class={`filter filter-${choice}`}
            aria-pressed={verdict === choice}
            onClick={() => setVerdict(choice)}
          >
            {choice === 'all' ? (
              tr('popup_filter_all', total)
            ) : (
              <>
                <VerdictIcon verdict={choice} /> {counts[choice]}
              </>
            )}
          </button>
        ))}
        <input
          type="search"
          class="search"
          aria-label={tr('popup_search_label')}
          placeholder={tr('popup_search_placeholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <p class="shown-count visually-hidden" aria-live="polite">
        {tr('popup_shown_count', shown.length, total)}
      </p>
      {shown.length === 0 ? (
        <p class="no-match muted">
          {unlistedAllowed > 0 ? tr('popup_allowed_not_listed', unlistedAllowed) : tr('popup_no_match')}
        </p>
      ) : (
        <div
          class="findings-scroller"
          ref={scroller}
          style={{ height: `${viewport}px` }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
        >
          <ul
            class="findings"
            aria-label={tr('popup_findings_label', shown.length)}
            style={{ height: `${shown.length * ROW_HEIGHT}px` }}
          >
            {shown.slice(start, end).map((finding, offset) => (
              <FindingRow
                key={finding.id}
                finding={finding}
                index={start + offset}
                top={(start + offset) * ROW_HEIGHT}
                copied={copiedWhat === finding.id}
                onCopy={onCopy}
                onReveal={onReveal}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

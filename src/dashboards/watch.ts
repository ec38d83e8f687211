// A watch rule: an adapter written as data, for a page our adapter files do not know (yet) — picked by the
// operator in the page (src/content/ui/picker.ts), imported from a file, or pushed by an organisation through
// managed storage. It says where it applies (host, path prefix), what the page is (platform, surface) and what to
// read (field and row selectors). Selectors must be stable: an id, an attribute or a class name, never an
// nth-child chain, which breaks on the next list render. Checked here with the same error style as rules
// ("watch rule W-1: rows[0]: …", src/dashboards/watch-schema.ts, kept out of the content script's bundle); the content
// script still drops a selector its page cannot parse.
import type { Adapter } from './define';
import type { WatchRule } from './watch-schema';

export type { LoadedWatchRule, WatchRule } from './watch-schema';

/** A page's own list is at most a few thousand rows; a selector matching more is hostile or wrong. */
const MAX_WATCH_MATCHES = 5000;

/** Why a selector is not stable enough to keep, or null when it is. Pure text checks: syntax needs a DOM. */
export function selectorProblem(selector: string): string | null {
  if (/:nth-(child|of-type|last-child|last-of-type)\b/.test(selector)) return 'must not count positions (nth-child)';
  // Every compound of the selector may be a bare tag, but the whole must anchor on an id, attribute or class.
  if (!/[#.[]/.test(selector)) return 'must name an id, an attribute or a class';
  if (/^\s*\*\s*$/.test(selector)) return 'must not match every element';
  return null;
}

/**
 * The adapters watch rules stand for on `doc`, keeping only the selectors it can parse and that match no more than
 * a list can hold: a broken or hostile rule neither breaks nor slows the page.
 */
export function watchAdapters(rules: readonly WatchRule[], doc: ParentNode): Adapter[] {
  const usable = (selector: string) => {
    try {
      return doc.querySelectorAll(selector).length <= MAX_WATCH_MATCHES;
    } catch {
      return false;
    }
  };
  return rules.map((rule) => ({
    ...rule,
    id: `watch:${rule.id}`,
    paths: [rule.path],
    surface: () => rule.surface,
    fieldSelectors: rule.fields.filter(usable),
    rowSelectors: rule.rows.filter(usable),
    submitLabels: [],
  }));
}

/** The next free id for a rule picked on `host`: "W-shop.example.com-1", "-2", … */
export function nextWatchId(host: string, taken: readonly { id: string }[]): string {
  const base = `W-${host}`.slice(0, 58);
  for (let n = 1; ; n++) if (!taken.some((rule) => rule.id === `${base}-${n}`)) return `${base}-${n}`;
}

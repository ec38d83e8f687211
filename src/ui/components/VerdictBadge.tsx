// A verdict in word, icon and colour together: colour alone fails colour-blind users and screen readers.
// The icons are plain text symbols, not emoji, so machines without an emoji font show no empty boxes.
import { verdictName } from '../../core/names';
import type { Verdict } from '../../core/types';
import { useLang } from './lang';

const ICONS: Record<Verdict, string> = { banned: '✕', review: '⚠', allowed: '✓' };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const lang = useLang();
  return (
    <span class={`verdict verdict-${verdict}`}>
      <span class="verdict-icon" aria-hidden="true">
        {ICONS[verdict]}
      </span>
      {verdictName(lang, verdict)}
    </span>
  );
}

/** The icon alone where space is short (one line per finding); screen readers still hear the word. */
export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const lang = useLang();
  return (
    <span class={`verdict verdict-${verdict}`} title={verdictName(lang, verdict)}>
      <span class="verdict-icon" aria-hidden="true">
        {ICONS[verdict]}
      </span>
      <span class="visually-hidden">{verdictName(lang, verdict)}</span>
    </span>
  );
}

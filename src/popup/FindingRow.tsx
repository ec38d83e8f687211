// One finding on one line: the verdict, the link cut in the middle, where it is; click (or Enter) shows it on the
// page. Everything else about it (source, affiliate, the rule's text) is in its title or in the rule's group.
import { beijingDateTime } from '../core/beijing-time';
import { sourceName, verdictName } from '../core/names';
import type { TabFinding } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import { VerdictIcon } from '../ui/components/VerdictBadge';
import { ellipsisMiddle } from '../core/ellipsis';

interface Props {
  finding: TabFinding;
  index: number;
  top: number;
  copied: boolean;
  /** Absent when no notice can be written for this page (its platform is unknown). */
  onCopy?(finding: TabFinding): void;
  onReveal(findingId: string): void;
}

const AFFILIATE_KEYS = {
  true: 'popup_affiliate_yes',
  false: 'popup_affiliate_no',
  null: 'popup_affiliate_unknown',
} as const;

export function FindingRow({ finding, index, top, copied, onCopy, onReveal }: Props) {
  const lang = useLang();
  const tr = useT();
  const { link, decision } = finding;
  const details = [
    link.text,
    finding.where,
    `${sourceName(lang, link.source)} · ${tr(AFFILIATE_KEYS[String(link.affiliate) as keyof typeof AFFILIATE_KEYS])}`,
    decision.reason[lang],
    ...(decision.upcoming
      ? [
          tr(
            'popup_upcoming',
            beijingDateTime(decision.upcoming.from),
            verdictName(lang, decision.upcoming.verdict),
            decision.upcoming.reason[lang],
          ),
        ]
      : []),
    tr('popup_reveal_hint'),
  ].join('\n');
  return (
    <li class={`finding finding-${decision.verdict}`} data-index={index} style={{ top: `${top}px` }}>
      <button type="button" class="finding-main" title={details} onClick={() => onReveal(finding.id)}>
        <VerdictIcon verdict={decision.verdict} />
        <span class="finding-link">{ellipsisMiddle(link.text, 34)}</span>
        <span class="finding-where muted">{finding.where}</span>
      </button>
      {onCopy && decision.verdict !== 'allowed' && (
        <button
          type="button"
          class="copy"
          aria-label={tr('popup_copy_notice_for', link.text)}
          onClick={() => onCopy(finding)}
        >
          {copied ? tr('popup_copied') : tr('popup_copy_short')}
        </button>
      )}
    </li>
  );
}

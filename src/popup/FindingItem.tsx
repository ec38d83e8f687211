// One finding: what was found, the verdict, the rule and where it was announced, and its two actions.
import { beijingDateTime } from '../core/beijing-time';
import { sourceName, verdictName } from '../core/names';
import type { Announcement, LinkFinding } from '../core/types';
import type { TabFinding } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import { VerdictBadge } from '../ui/components/VerdictBadge';
import { ellipsis } from '../core/ellipsis';

interface Props {
  finding: TabFinding;
  /** Where the deciding rule was announced. */
  announcement: Announcement | undefined;
  notice: string | undefined;
  copied: boolean;
  onReveal(findingId: string): void;
  onCopy(what: string, text: string): void;
}

function AffiliateNote({ link }: { link: LinkFinding }) {
  const tr = useT();
  const key =
    link.affiliate === true
      ? 'popup_affiliate_yes'
      : link.affiliate === false
        ? 'popup_affiliate_no'
        : 'popup_affiliate_unknown';
  return <span>{tr(key)}</span>;
}

function AnnouncedAt({ announcement }: { announcement: Announcement }) {
  const lang = useLang();
  const tr = useT();
  const { title, date, reports } = announcement;
  return (
    <p class="finding-announcement muted">
      {date ? tr('popup_announced_dated', title[lang], date) : tr('popup_announced', title[lang])}
      {reports.length > 0 && ` · ${tr('popup_reported_by')} `}
      {reports.map((report, i) => (
        <>
          {i > 0 && tr('reason_list_separator')}
          {report.url ? (
            <a href={report.url} target="_blank" rel="noopener noreferrer">
              {report.name}
            </a>
          ) : (
            report.name
          )}
        </>
      ))}
    </p>
  );
}

export function FindingItem({ finding, announcement, notice, copied, onReveal, onCopy }: Props) {
  const lang = useLang();
  const tr = useT();
  const { link, decision } = finding;
  const { upcoming } = decision;
  return (
    <li class={`finding finding-${decision.verdict}`}>
      <button type="button" class="finding-main" title={tr('popup_reveal_hint')} onClick={() => onReveal(finding.id)}>
        <VerdictBadge verdict={decision.verdict} />
        <span class="finding-link" title={link.text}>
          {ellipsis(link.text, 46, 'middle')}
        </span>
        <span class="finding-where muted">{finding.where}</span>
      </button>
      <p class="finding-source">
        {sourceName(lang, link.source)} · <AffiliateNote link={link} />
      </p>
      <p class="finding-reason">{decision.reason[lang]}</p>
      {upcoming && (
        <p class="finding-upcoming muted">
          {tr(
            'popup_upcoming',
            beijingDateTime(upcoming.from),
            verdictName(lang, upcoming.verdict),
            upcoming.reason[lang],
          )}
        </p>
      )}
      {announcement && <AnnouncedAt announcement={announcement} />}
      {notice !== undefined && decision.verdict !== 'allowed' && (
        <button type="button" class="copy" onClick={() => onCopy(finding.id, notice)}>
          {copied ? tr('popup_copied') : tr('popup_copy_notice')}
        </button>
      )}
    </li>
  );
}

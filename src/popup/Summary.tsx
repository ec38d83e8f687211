// The first thing the popup says: how many links are banned, to check and allowed, and the banned and to-check
// ones by rule — each rule's text, advice and announcement once, folded until opened, with one copy for the group.
import { evidenceLine, evidenceOf } from '../core/evidence';
import { findRule } from '../core/decide';
import { beijingLabel } from '../core/names';
import type { Announcement, LoadedRule } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import { VerdictIcon } from '../ui/components/VerdictBadge';
import { groupKey, groupLabel, type RuleGroup, type Summary as Counts } from './summary';

interface Props {
  summary: Counts;
  rules: readonly LoadedRule[];
  copiedWhat: string | null;
  /** Absent when the page's platform is unknown (no notice can name its rule). */
  onCopyGroup?(group: RuleGroup): void;
}

/** At most three reports, as in the notice: enough to check, short enough to read. */
const SHOWN_REPORTS = 3;

function AnnouncedAt({ announcement }: { announcement: Announcement }) {
  const lang = useLang();
  const tr = useT();
  const { title, date, reports } = announcement;
  const shown = reports.slice(0, SHOWN_REPORTS);
  return (
    <p class="group-announcement muted">
      {date ? tr('popup_announced_dated', title[lang], date) : tr('popup_announced', title[lang])}
      {shown.length > 0 && ` · ${tr('popup_reported_by')} `}
      {shown.map((report, i) => (
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

function RuleText({ group, rules }: { group: RuleGroup; rules: readonly LoadedRule[] }) {
  const lang = useLang();
  const tr = useT();
  const found = group.rule === null ? undefined : findRule(rules, group.rule);
  // No rule decided (an unknown short link): the decision's own reason is all there is to say.
  if (!found) return <p class="group-rule">{group.findings[0]!.decision.reason[lang]}</p>;
  const { rule, exception } = found;
  const since = group.findings[0]!.decision.since ?? (exception ?? rule).from;
  return (
    <>
      <p class="group-rule">{(exception ?? rule).summary[lang]}</p>
      <p class="group-since muted">{tr('popup_group_since', beijingLabel(lang, since))}</p>
      <p class="group-advice">{tr('popup_group_advice', rule.advice[lang])}</p>
      <AnnouncedAt announcement={exception?.announcement ?? rule.announcement} />
      <p class="group-verified muted">{tr('popup_group_verified', rule.lastVerified)}</p>
      <p class="group-evidence muted">{evidenceLine(lang, evidenceOf(rule, exception))}</p>
    </>
  );
}

export function Summary({ summary, rules, copiedWhat, onCopyGroup }: Props) {
  const lang = useLang();
  const tr = useT();
  const { counts, groups } = summary;
  return (
    <section class="summary" aria-label={tr('popup_summary_label')}>
      <p class="summary-counts">
        <strong class={counts.banned > 0 ? 'count-banned' : 'count-none'}>
          {tr('popup_summary_banned', counts.banned)}
        </strong>
        <span class="count-review"> · {tr('popup_summary_review', counts.review)}</span>
        <span class="count-allowed muted"> · {tr('popup_summary_allowed', counts.allowed)}</span>
      </p>
      {groups.length > 0 && (
        <ul class="groups" aria-label={tr('popup_groups_label')}>
          {groups.map((group) => {
            const key = groupKey(group);
            const label = groupLabel(lang, group);
            return (
              <li key={key} class={`group group-${group.verdict}`} data-rule={group.rule ?? ''}>
                <details>
                  <summary>
                    <VerdictIcon verdict={group.verdict} />
                    <span class="group-label">
                      {group.rule === null ? `${tr('popup_group_no_rule')} ${label}` : label}
                    </span>
                  </summary>
                  <div class="group-body">
                    <RuleText group={group} rules={rules} />
                  </div>
                </details>
                {onCopyGroup && group.rule !== null && (
                  <button
                    type="button"
                    class="copy-group"
                    aria-label={tr('popup_group_copy_label', group.findings.length, group.rule)}
                    onClick={() => onCopyGroup(group)}
                  >
                    {copiedWhat === key ? tr('popup_copied') : tr('popup_group_copy', group.findings.length)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

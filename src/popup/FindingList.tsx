// The tab's findings, worst first: banned, then to check, then allowed.
import { findRule } from '../core/decide';
import { VERDICTS, type Announcement, type LoadedRule } from '../core/types';
import type { TabFinding } from '../protocol';
import { useT } from '../ui/components/lang';
import { FindingItem } from './FindingItem';
import type { Notices } from './notices';

interface Props {
  findings: readonly TabFinding[];
  rules: readonly LoadedRule[];
  notices: Notices;
  copiedWhat: string | null;
  onReveal(findingId: string): void;
  onCopy(what: string, text: string): void;
}

const sortFindings = (findings: readonly TabFinding[]): TabFinding[] =>
  [...findings].sort((a, b) => VERDICTS.indexOf(a.decision.verdict) - VERDICTS.indexOf(b.decision.verdict));

/** Where the deciding rule was announced: an exception's own announcement when it has one, else its rule's. */
function announcementOf(rules: readonly LoadedRule[], id: string | null): Announcement | undefined {
  const found = id === null ? undefined : findRule(rules, id);
  return found?.exception?.announcement ?? found?.rule.announcement;
}

export function FindingList({ findings, rules, notices, copiedWhat, onReveal, onCopy }: Props) {
  const tr = useT();
  return (
    <ul class="findings" aria-label={tr('popup_findings_label', findings.length)}>
      {sortFindings(findings).map((finding) => (
        <FindingItem
          key={finding.id}
          finding={finding}
          announcement={announcementOf(rules, finding.decision.rule)}
          notice={notices.byId.get(finding.id)}
          copied={copiedWhat === finding.id}
          onReveal={onReveal}
          onCopy={onCopy}
        />
      ))}
    </ul>
  );
}

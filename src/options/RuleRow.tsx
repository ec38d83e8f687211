// One rule in the table. The user's own rules can be edited and deleted; built-in and the user's can be switched
// off; the organisation's are read-only.
import { evidenceLine, evidenceOf } from '../core/evidence';
import { platformName } from '../core/names';
import type { LoadedRule, RuleOrigin } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import { VerdictBadge } from '../ui/components/VerdictBadge';
import { ruleStatus, type RuleStatus } from './rule-status';
import { datesText, linksText, surfacesText } from './rule-text';

const ORIGIN_KEYS: Record<RuleOrigin, 'options_origin_builtin' | 'options_origin_custom' | 'options_origin_managed'> = {
  'built-in': 'options_origin_builtin',
  custom: 'options_origin_custom',
  managed: 'options_origin_managed',
};
const STATUS_KEYS: Record<RuleStatus, 'options_status_in_force' | 'options_status_upcoming' | 'options_status_ended'> =
  {
    'in-force': 'options_status_in_force',
    upcoming: 'options_status_upcoming',
    ended: 'options_status_ended',
  };

interface Props {
  rule: LoadedRule;
  now: Date;
  onEdit(rule: LoadedRule): void;
  onToggle(rule: LoadedRule): void;
  onDelete(rule: LoadedRule): void;
}

export function RuleRow({ rule, now, onEdit, onToggle, onDelete }: Props) {
  const lang = useLang();
  const tr = useT();
  const status = ruleStatus(rule, now);
  return (
    <tr class={rule.enabled ? undefined : 'rule-off'} data-rule={rule.id}>
      <th scope="row" class="rule-id">
        <span class="rule-code">{rule.id}</span>
        <span class="rule-summary muted">{rule.summary[lang]}</span>
        <span class="rule-evidence muted">{evidenceLine(lang, evidenceOf(rule))}</span>
      </th>
      <td class="nowrap">{platformName(lang, rule.platform)}</td>
      <td class="surfaces">{surfacesText(lang, rule)}</td>
      <td class="sources">{linksText(lang, rule)}</td>
      <td>
        <VerdictBadge verdict={rule.verdict} />
      </td>
      <td class="nowrap">{datesText(lang, rule)}</td>
      <td class={`nowrap status status-${status}`}>
        {tr(STATUS_KEYS[status])}
        {!rule.enabled && <span class="muted"> · {tr('options_status_off')}</span>}
      </td>
      <td class="nowrap">{tr(ORIGIN_KEYS[rule.origin])}</td>
      <td class="nowrap">{rule.lastVerified}</td>
      <td class="rule-actions">
        {rule.origin === 'managed' ? (
          <span class="muted">{tr('options_read_only')}</span>
        ) : (
          <>
            {rule.origin === 'custom' && (
              <button type="button" aria-label={tr('options_edit_rule', rule.id)} onClick={() => onEdit(rule)}>
                {tr('options_edit')}
              </button>
            )}
            <button
              type="button"
              aria-label={tr(rule.enabled ? 'options_disable_rule' : 'options_enable_rule', rule.id)}
              onClick={() => onToggle(rule)}
            >
              {tr(rule.enabled ? 'options_disable' : 'options_enable')}
            </button>
            {rule.origin === 'custom' && (
              <button type="button" aria-label={tr('options_delete_rule', rule.id)} onClick={() => onDelete(rule)}>
                {tr('options_delete')}
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

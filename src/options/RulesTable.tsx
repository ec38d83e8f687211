// Every rule in force for this browser, filterable by platform and surface.
import { useState } from 'preact/hooks';
import { platformName, surfaceName } from '../core/names';
import { PLATFORMS, SURFACES, type LoadedRule, type Platform, type Surface } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import { RuleRow } from './RuleRow';

type RowActions = Pick<Parameters<typeof RuleRow>[0], 'onEdit' | 'onToggle' | 'onDelete'>;

interface Props extends RowActions {
  rules: readonly LoadedRule[];
  now: Date;
}

const ALL = 'all';

export function RulesTable({ rules, now, ...actions }: Props) {
  const lang = useLang();
  const tr = useT();
  const [platform, setPlatform] = useState<Platform | typeof ALL>(ALL);
  const [surface, setSurface] = useState<Surface | typeof ALL>(ALL);
  const shown = rules.filter(
    (rule) => (platform === ALL || rule.platform === platform) && (surface === ALL || rule.surfaces.includes(surface)),
  );
  return (
    <>
      <div class="filters">
        <label>
          {tr('options_filter_platform')}{' '}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform | typeof ALL)}>
            <option value={ALL}>{tr('options_filter_all')}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platformName(lang, p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('options_filter_surface')}{' '}
          <select value={surface} onChange={(e) => setSurface(e.currentTarget.value as Surface | typeof ALL)}>
            <option value={ALL}>{tr('options_filter_all')}</option>
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {surfaceName(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <span class="muted" role="status">
          {tr('options_rules_shown', shown.length, rules.length)}
        </span>
      </div>
      <div class="table-scroll">
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{tr('options_col_rule')}</th>
              <th scope="col">{tr('options_col_platform')}</th>
              <th scope="col">{tr('options_col_surfaces')}</th>
              <th scope="col">{tr('options_col_sources')}</th>
              <th scope="col">{tr('options_col_verdict')}</th>
              <th scope="col">{tr('options_col_dates')}</th>
              <th scope="col">{tr('options_col_status')}</th>
              <th scope="col">{tr('options_col_origin')}</th>
              <th scope="col">{tr('options_col_verified')}</th>
              <th scope="col">{tr('options_col_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((rule) => (
              <RuleRow key={`${rule.origin}:${rule.id}`} rule={rule} now={now} {...actions} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

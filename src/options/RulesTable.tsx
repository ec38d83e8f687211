// Every rule in force for this browser, filterable by platform and surface.
import { useState } from 'preact/hooks';
import { platformName, surfaceName } from '../core/names';
import { PLATFORMS, SURFACES, type Lang, type LoadedRule, type Platform, type Surface } from '../core/types';
import { useT } from '../ui/components/lang';
import type { MessageKey } from '../i18n';
import { NamedSelect } from './NamedSelect';
import { RuleRow } from './RuleRow';

type RowActions = Pick<Parameters<typeof RuleRow>[0], 'onEdit' | 'onToggle' | 'onDelete'>;

interface Props extends RowActions {
  rules: readonly LoadedRule[];
  now: Date;
}

const ALL = 'all';

interface FilterProps<T extends string> {
  id: string;
  label: MessageKey;
  value: NoInfer<T> | typeof ALL;
  choices: readonly T[];
  name(lang: Lang, choice: NoInfer<T>): string;
  onChange(value: NoInfer<T> | typeof ALL): void;
}

/** One filter of the table: a choice by its name, or all of them. */
function Filter<T extends string>({ id, label, onChange, ...select }: FilterProps<T>) {
  const tr = useT();
  return (
    <label for={id}>
      {tr(label)}{' '}
      <NamedSelect id={id} {...select} onChange={(value) => onChange(value as T | typeof ALL)}>
        <option value={ALL}>{tr('options_filter_all')}</option>
      </NamedSelect>
    </label>
  );
}

const PLATFORM_FILTER = {
  id: 'filter-platform',
  label: 'options_filter_platform',
  choices: PLATFORMS,
  name: platformName,
} as const;
const SURFACE_FILTER = {
  id: 'filter-surface',
  label: 'options_filter_surface',
  choices: SURFACES,
  name: surfaceName,
} as const;

export function RulesTable({ rules, now, ...actions }: Props) {
  const tr = useT();
  const [platform, setPlatform] = useState<Platform | typeof ALL>(ALL);
  const [surface, setSurface] = useState<Surface | typeof ALL>(ALL);
  const shown = rules.filter(
    (rule) => (platform === ALL || rule.platform === platform) && (surface === ALL || rule.surfaces.includes(surface)),
  );
  return (
    <>
      <div class="filters">
        <Filter {...PLATFORM_FILTER} value={platform} onChange={setPlatform} />
        <Filter {...SURFACE_FILTER} value={surface} onChange={setSurface} />
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

// The common fields of a rule as a form. Everything else (exceptions, several reports, seller matches) is edited
// in the JSON view of the same draft.
import { beijingDay } from '../core/beijing-time';
import { platformName, sourceName, surfaceName, verdictName } from '../core/names';
import { PLATFORMS, SOURCES, SURFACES, VERDICTS, type Lang, type Rule, type Source } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import type { MessageKey } from '../i18n';
import { getIn, setIn, type Path } from './draft-path';
import { NamedSelect } from './NamedSelect';
import { formLinks, linksFromForm, type AffiliateChoice } from './rule-draft';

interface Props {
  draft: unknown;
  onChange(draft: unknown): void;
}

type Namer<T> = (lang: Lang, choice: T) => string;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The Beijing day of an instant the draft holds, for a date input; '' when it holds none. */
function dayOf(value: unknown): string {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? '' : beijingDay(new Date(time));
}

export function RuleForm({ draft, onChange }: Props) {
  const lang = useLang();
  const tr = useT();
  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const id = (name: string) => `rule-${name}`;

  /** `optional`: an emptied field is removed rather than saved as "". */
  const field = (label: MessageKey, path: Path, { multiline = false, optional = false } = {}) => {
    const name = path.join('-');
    const write = (value: string) => set(path, value === '' && optional ? undefined : value);
    const props = {
      id: id(name),
      value: text(getIn(draft, path)),
      onInput: (e: Event) => write((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    };
    return (
      <div class="field">
        <label for={id(name)}>{tr(label)}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const dateField = (label: MessageKey, path: Path, kind: 'instant' | 'day', optional = false) => {
    const name = path.join('-');
    const value = kind === 'instant' ? dayOf(getIn(draft, path)) : text(getIn(draft, path));
    const write = (day: string) =>
      set(path, day === '' && optional ? undefined : kind === 'instant' ? `${day}T00:00:00+08:00` : day);
    return (
      <div class="field">
        <label for={id(name)}>{tr(label)}</label>
        <input type="date" id={id(name)} value={value} onChange={(e) => write(e.currentTarget.value)} />
      </div>
    );
  };
  const select = <T extends string>(label: MessageKey, path: Path, choices: readonly T[], name: Namer<T>) => (
    <div class="field">
      <label for={id(path.join('-'))}>{tr(label)}</label>
      <NamedSelect
        id={id(path.join('-'))}
        value={text(getIn(draft, path))}
        choices={choices}
        name={name}
        onChange={(value) => set(path, value)}
      />
    </div>
  );

  const surfaces = Array.isArray(getIn(draft, ['surfaces'])) ? (getIn(draft, ['surfaces']) as string[]) : [];
  const links = Array.isArray(getIn(draft, ['links']))
    ? formLinks(getIn(draft, ['links']) as Rule['links'])
    : formLinks([]);
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  return (
    <div class="rule-form">
      {field('options_field_id', ['id'])}
      {select('options_field_platform', ['platform'], PLATFORMS, platformName)}
      {select('options_field_verdict', ['verdict'], VERDICTS, verdictName)}
      <fieldset class="field wide">
        <legend>{tr('options_field_surfaces')}</legend>
        {SURFACES.map((s) => (
          <label key={s} class="check">
            <input
              type="checkbox"
              checked={surfaces.includes(s)}
              onChange={(e) => set(['surfaces'], toggle(surfaces, s, e.currentTarget.checked))}
            />
            {surfaceName(lang, s)}
          </label>
        ))}
      </fieldset>
      {links ? (
        <fieldset class="field wide">
          <legend>{tr('options_field_sources')}</legend>
          {(['*', ...SOURCES] as const).map((source: Source | '*') => (
            <label key={source} class="check">
              <input
                type="checkbox"
                checked={links.sources.includes(source)}
                onChange={(e) =>
                  set(['links'], linksFromForm(toggle(links.sources, source, e.currentTarget.checked), links.affiliate))
                }
              />
              {source === '*' ? tr('options_source_any') : sourceName(lang, source)}
            </label>
          ))}
          <label class="check">
            {tr('options_field_affiliate')}{' '}
            <select
              value={links.affiliate}
              onChange={(e) => set(['links'], linksFromForm(links.sources, e.currentTarget.value as AffiliateChoice))}
            >
              <option value="any">{tr('options_affiliate_any')}</option>
              <option value="yes">{tr('options_affiliate_yes')}</option>
              <option value="no">{tr('options_affiliate_no')}</option>
            </select>
          </label>
        </fieldset>
      ) : (
        <p class="field wide muted">{tr('options_links_in_json')}</p>
      )}
      {dateField('options_field_from', ['from'], 'instant')}
      {dateField('options_field_until', ['until'], 'instant', true)}
      {field('options_field_summary_zh', ['summary', 'zh'], { multiline: true })}
      {field('options_field_summary_en', ['summary', 'en'], { multiline: true })}
      {field('options_field_advice_zh', ['advice', 'zh'], { multiline: true })}
      {field('options_field_advice_en', ['advice', 'en'], { multiline: true })}
      {field('options_field_title_zh', ['announcement', 'title', 'zh'])}
      {field('options_field_title_en', ['announcement', 'title', 'en'])}
      {dateField('options_field_announced', ['announcement', 'date'], 'day', true)}
      {field('options_field_report_name', ['announcement', 'reports', 0, 'name'])}
      {field('options_field_report_url', ['announcement', 'reports', 0, 'url'], { optional: true })}
      {dateField('options_field_verified', ['lastVerified'], 'day')}
      <p class="field wide muted">{tr('options_more_in_json')}</p>
    </div>
  );
}

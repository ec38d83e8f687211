// Language, paused sites and the short-link resolver. Settings an administrator fixed are shown, not editable.
import { platformName } from '../core/names';
import type { Platform } from '../core/types';
import type { ConfigSnapshot, LanguageSetting, Settings } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import { pausedSitesWith } from '../ui/watched';
import type { OptionsEnv } from './env';
import { ResolverSetting } from './ResolverSetting';

interface Props {
  env: OptionsEnv;
  config: ConfigSnapshot;
  /** Sends a settings change; resolves once the page shows the saved settings. */
  onChange(patch: Partial<Settings>): Promise<void>;
}

const LANGUAGES: readonly {
  value: LanguageSetting;
  key: 'options_language_auto' | 'options_language_zh' | 'options_language_en';
}[] = [
  { value: 'auto', key: 'options_language_auto' },
  { value: 'zh', key: 'options_language_zh' },
  { value: 'en', key: 'options_language_en' },
];

export function SettingsPanel({ env, config, onChange }: Props) {
  const lang = useLang();
  const tr = useT();
  const { settings, managedKeys, locked } = config;
  const managed = (key: keyof Settings) => managedKeys.includes(key);
  const managedNote = <span class="muted managed-note">{tr('options_managed_setting')}</span>;

  const setPaused = (host: string, paused: boolean) =>
    void onChange({ pausedSites: pausedSitesWith(settings.pausedSites, host, paused) });
  /** Every watched dashboard, plus any paused host no adapter knows any more (so it can still be resumed). */
  const sites: { platform: Platform | null; host: string }[] = [
    ...env.watchedPages,
    ...settings.pausedSites
      .filter((h) => !env.watchedPages.some((p) => p.host === h))
      .map((host) => ({ platform: null, host })),
  ];

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{tr('options_settings_title')}</h2>
      <div class="field">
        <label for="language">{tr('options_language')}</label>
        <select
          id="language"
          value={settings.language}
          disabled={managed('language')}
          onChange={(e) => void onChange({ language: e.currentTarget.value as LanguageSetting })}
        >
          {LANGUAGES.map(({ value, key }) => (
            <option key={value} value={value}>
              {tr(key)}
            </option>
          ))}
        </select>
        {managed('language') && managedNote}
      </div>

      <fieldset class="field paused-sites">
        <legend>{tr('options_paused_sites')}</legend>
        {locked && <p class="muted managed-note">{tr('options_locked_note')}</p>}
        {managed('pausedSites') && <p>{managedNote}</p>}
        {sites.map(({ platform, host }) => {
          const paused = settings.pausedSites.includes(host);
          return (
            <label key={host} class="check site">
              <input
                type="checkbox"
                checked={paused}
                // Locked on: nothing can be paused; resuming a site paused before the lock stays possible.
                disabled={managed('pausedSites') || (locked && !paused)}
                onChange={(e) => setPaused(host, e.currentTarget.checked)}
              />
              {platform ? `${platformName(lang, platform)} · ` : ''}
              <span class="host">{host}</span>
            </label>
          );
        })}
      </fieldset>

      <ResolverSetting
        env={env}
        on={settings.resolveShortLinks}
        managed={managed('resolveShortLinks')}
        onChange={(on) => onChange({ resolveShortLinks: on })}
      />
    </section>
  );
}

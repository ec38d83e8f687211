// Language, paused sites and the short-link resolver. Settings an administrator fixed are shown, not editable.
import { useState } from 'preact/hooks';
import type { ConfigSnapshot, LanguageSetting, Settings } from '../protocol';
import { useT } from '../ui/components/lang';
import type { OptionsEnv } from './env';

interface Props {
  env: OptionsEnv;
  config: ConfigSnapshot;
  /** Sends a settings change; resolves once the page shows the saved settings. */
  onChange(patch: Partial<Settings>): Promise<void>;
}

const LANGUAGES: readonly { value: LanguageSetting; key: 'options_language_auto' | 'options_language_zh' | 'options_language_en' }[] = [
  { value: 'auto', key: 'options_language_auto' },
  { value: 'zh', key: 'options_language_zh' },
  { value: 'en', key: 'options_language_en' },
];

export function SettingsPanel({ env, config, onChange }: Props) {
  const tr = useT();
  const { settings, managedKeys, locked } = config;
  const managed = (key: keyof Settings) => managedKeys.includes(key);
  const [resolverNote, setResolverNote] = useState<string | null>(null);
  const managedNote = <span class="muted managed-note">{tr('options_managed_setting')}</span>;

  const switchResolver = (on: boolean) => {
    setResolverNote(null);
    const origins = [...env.resolverOrigins];
    if (!on) {
      void onChange({ resolveShortLinks: false }).then(() => env.permissions.remove({ origins }));
      return;
    }
    // Requested synchronously in the click: browsers grant permissions only during the user's gesture.
    env.permissions.request({ origins }).then(
      (granted) => (granted ? onChange({ resolveShortLinks: true }) : setResolverNote(tr('options_resolver_refused'))),
      (error: unknown) => setResolverNote(tr('options_resolver_refused') + ` (${String(error)})`),
    );
  };
  const removePaused = (host: string) => void onChange({ pausedSites: settings.pausedSites.filter((h) => h !== host) });

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

      <div class="field">
        <span id="paused-title">{tr('options_paused_sites')}</span>
        {locked && <span class="muted managed-note">{tr('options_locked_note')}</span>}
        {settings.pausedSites.length === 0 ? (
          <span class="muted">{tr('options_paused_none')}</span>
        ) : (
          <ul class="paused" aria-labelledby="paused-title">
            {settings.pausedSites.map((host) => (
              <li key={host}>
                <span class="host">{host}</span>{' '}
                {!managed('pausedSites') && (
                  <button type="button" aria-label={tr('options_resume_site', host)} onClick={() => removePaused(host)}>
                    {tr('options_remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {managed('pausedSites') && managedNote}
      </div>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.resolveShortLinks}
            disabled={managed('resolveShortLinks')}
            aria-describedby="resolver-help"
            onChange={(e) => switchResolver(e.currentTarget.checked)}
          />
          {tr('options_resolver')}
        </label>
        <span id="resolver-help" class="muted">
          {tr('options_resolver_help')}
        </span>
        {managed('resolveShortLinks') && managedNote}
        {resolverNote && (
          <span class="error" role="alert">
            {resolverNote}
          </span>
        )}
      </div>
    </section>
  );
}

// The options page: problems first, then settings, the rules table with the user's own rules, import and export,
// the watched pages (watch rules) and the other sites allowed for them.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LoadedRule, Rule } from '../core/types';
import type { ConfigSnapshot, Settings } from '../protocol';
import { LangContext } from '../ui/components/lang';
import { coalesced } from '../ui/config-changes';
import { resolveLang, t } from '../i18n';
import type { OptionsEnv } from './env';
import { loosenedBanText } from '../rules/loosened-text';
import { ErrorList } from './ErrorList';
import { GrantedHosts } from './GrantedHosts';
import { ImportExport } from './ImportExport';
import { newRule } from './rule-draft';
import { RuleEditor } from './RuleEditor';
import { RulesTable } from './RulesTable';
import { SettingsPanel } from './SettingsPanel';
import { WatchRules } from './WatchRules';

/** The editor's subject: a new rule (replacing null) or one of the user's rules. */
type Editing = { rule: Rule; replacing: string | null } | null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function Options({ env }: { env: OptionsEnv }) {
  const { client } = env;
  const [config, setConfig] = useState<ConfigSnapshot | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // When the editor closes (saved or cancelled) its focused button disappears; keyboard users continue from "Add".
  useEffect(() => {
    if (wasEditing.current && !editing) addButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);
  const lang = resolveLang(config?.settings.language ?? 'auto', env.uiLocale);

  // One reader for the page's life: our own changes and those made elsewhere all re-read through it, in order.
  const reload = useMemo(
    () =>
      coalesced(() =>
        client.request({ type: 'config/get' }).then(
          (snapshot) => setConfig(snapshot),
          (error: unknown) => setFailure(message(error)),
        ),
      ),
    [],
  );
  useEffect(() => {
    void reload();
    // Our own changes re-read after their request anyway; this one catches the popup, other tabs and policies.
    return env.onConfigChanged?.(() => void reload());
  }, []);

  /** Sends a change, then shows the rules and settings as the background now holds them. */
  const attempt = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(message(error));
    }
    await reload();
  };
  const changeSettings = (patch: Partial<Settings>) => attempt(() => client.request({ type: 'settings/set', patch }));
  const toggle = (rule: LoadedRule) =>
    void attempt(() => client.request({ type: 'rules/toggle', id: rule.id, enabled: !rule.enabled }));
  const remove = (rule: LoadedRule) => {
    if (env.confirm(t(lang, 'options_delete_confirm', rule.id)))
      void attempt(() => client.request({ type: 'rules/delete', id: rule.id }));
  };
  const save = async (rule: Rule): Promise<string | null> => {
    try {
      await client.request({ type: 'rules/save', rule });
      if (editing?.replacing && editing.replacing !== rule.id)
        await client.request({ type: 'rules/delete', id: editing.replacing });
    } catch (error) {
      return message(error);
    }
    setEditing(null);
    await reload();
    return null;
  };
  const edit = ({ origin: _origin, enabled: _enabled, ...rule }: LoadedRule) =>
    setEditing({ rule, replacing: rule.id });

  return (
    <LangContext.Provider value={lang}>
      <main class="options" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <h1>{t(lang, 'options_title')}</h1>
        {failure && (
          <p class="error" role="alert">
            {t(lang, 'options_action_failed', failure)}
          </p>
        )}
        {!config ? (
          !failure && <p class="muted">{t(lang, 'options_loading')}</p>
        ) : (
          <>
            <ErrorList title={t(lang, 'options_problems')} errors={config.problems} />
            <ErrorList
              title={t(lang, 'options_warnings')}
              errors={config.loosened.map((found) =>
                loosenedBanText(
                  found,
                  t(lang, found.origin === 'managed' ? 'options_origin_managed' : 'options_origin_custom'),
                  lang,
                ),
              )}
            />
            <SettingsPanel env={env} config={config} onChange={changeSettings} />
            <section class="rules-section" aria-labelledby="rules-title">
              <h2 id="rules-title">{t(lang, 'options_rules_title')}</h2>
              <p class="muted">{t(lang, 'options_rules_help')}</p>
              <div class="buttons">
                <button
                  type="button"
                  class="primary"
                  ref={addButton}
                  onClick={() => setEditing({ rule: newRule(config.rules, env.now()), replacing: null })}
                >
                  {t(lang, 'options_add_rule')}
                </button>
              </div>
              {editing && (
                <RuleEditor
                  key={editing.replacing ?? 'new'}
                  initial={editing.rule}
                  replacing={editing.replacing}
                  rules={config.rules}
                  onSave={save}
                  onCancel={() => setEditing(null)}
                />
              )}
              <RulesTable rules={config.rules} now={env.now()} onEdit={edit} onToggle={toggle} onDelete={remove} />
            </section>
            <ImportExport env={env} onImported={() => void reload()} />
            <WatchRules env={env} rules={config.watchRules} attempt={(action) => attempt(() => action(client))} />
            <GrantedHosts env={env} rules={config.watchRules} />
          </>
        )}
      </main>
    </LangContext.Provider>
  );
}

// The toolbar popup: the shell (language, loading, failure) around the current tab's view.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../core/types';
import { LangContext } from '../ui/components/lang';
import { resolveLang, t } from '../i18n';
import { LoadFailed } from './EmptyStates';
import { POPUP_READY_MARK, type PopupEnv } from './env';
import { LangSwitch } from './LangSwitch';
import { TabView } from './TabView';
import { usePopupData } from './usePopupData';

export function Popup({ env }: { env: PopupEnv }) {
  const { data, error, refreshTab, setSettings } = usePopupData(env);
  const [chosenLang, setChosenLang] = useState<Lang | null>(null);
  const lang = chosenLang ?? resolveLang(data?.config.settings.language ?? 'auto', env.uiLocale);
  // One mark when the tab's view first renders: `npm run bench -- --browser` reads it for the open-time budget.
  const shown = data !== null && data !== undefined;
  useEffect(() => {
    if (shown && performance.getEntriesByName(POPUP_READY_MARK).length === 0) performance.mark(POPUP_READY_MARK);
  }, [shown]);

  return (
    <LangContext.Provider value={lang}>
      <main class="popup" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header class="bar">
          <h1>{t(lang, 'extShortName')}</h1>
          <LangSwitch onChange={setChosenLang} />
        </header>
        {error ? (
          <LoadFailed message={error} />
        ) : data ? (
          <TabView data={data} env={env} refreshTab={refreshTab} setSettings={setSettings} />
        ) : (
          <p class="muted loading">{t(lang, 'popup_loading')}</p>
        )}
        <footer class="footer">
          {data && data.config.problems.length > 0 && (
            <p class="problems error">{t(lang, 'popup_rule_problems', data.config.problems.length)}</p>
          )}
          <button type="button" class="link" onClick={() => void env.openOptions()}>
            {t(lang, 'popup_open_options')}
          </button>
        </footer>
      </main>
    </LangContext.Provider>
  );
}

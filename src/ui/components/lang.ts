// The page's language travels by context, so every component translates without threading a prop through.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../core/types';
import { t, type MessageKey } from '../../i18n';

export const LangContext = createContext<Lang>('en');

export const useLang = (): Lang => useContext(LangContext);

/** `tr('popup_copied')` in the current language. */
export function useT(): (key: MessageKey, ...substitutions: (string | number)[]) => string {
  const lang = useLang();
  return (key, ...substitutions) => t(lang, key, ...substitutions);
}

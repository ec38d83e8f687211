// 中文 / EN for this popup: the language of the popup and of the notices it copies.
import type { Lang } from '../core/types';
import { useLang, useT } from '../ui/components/lang';

const CHOICES: readonly { lang: Lang; label: string }[] = [
  { lang: 'zh', label: '中文' },
  { lang: 'en', label: 'EN' },
];

export function LangSwitch({ onChange }: { onChange(lang: Lang): void }) {
  const current = useLang();
  const tr = useT();
  return (
    <div class="lang-switch" role="group" aria-label={tr('popup_language_label')}>
      {CHOICES.map(({ lang, label }) => (
        <button
          key={lang}
          type="button"
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={current === lang}
          onClick={() => onChange(lang)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

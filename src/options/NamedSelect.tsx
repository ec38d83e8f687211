// A <select> of fixed choices (platforms, surfaces, verdicts), each shown by its name in the page's language.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../core/types';
import { useLang } from '../ui/components/lang';

interface Props<T extends string> {
  id?: string;
  value: string;
  choices: readonly T[];
  name(lang: Lang, choice: T): string;
  onChange(value: string): void;
  /** Options shown above the choices (a filter's "all"). */
  children?: ComponentChildren;
}

export function NamedSelect<T extends string>({ id, value, choices, name, onChange, children }: Props<T>) {
  const lang = useLang();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {children}
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {name(lang, choice)}
        </option>
      ))}
    </select>
  );
}

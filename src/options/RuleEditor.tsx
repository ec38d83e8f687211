// Adding or editing one of the user's rules: a form for the common fields and a JSON view of the whole rule,
// checked like every rule file before anything is sent.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LoadedRule, Rule } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import { ErrorList } from './ErrorList';
import { JsonField } from './JsonField';
import { checkDraft } from './rule-draft';
import { RuleForm } from './RuleForm';

interface Props {
  /** The rule being edited, or a new rule's template. */
  initial: Rule;
  /** The id being replaced; null for a new rule. */
  replacing: string | null;
  rules: readonly LoadedRule[];
  /** Resolves with the background's error, or null once saved. */
  onSave(rule: Rule): Promise<string | null>;
  onCancel(): void;
}

type View = { kind: 'form'; draft: unknown } | { kind: 'json'; text: string };

const toJson = (draft: unknown) => JSON.stringify(draft, null, 2);

export function RuleEditor({ initial, replacing, rules, onSave, onCancel }: Props) {
  const lang = useLang();
  const tr = useT();
  const [view, setView] = useState<View>({ kind: 'form', draft: initial });
  const [errors, setErrors] = useState<string[]>([]);
  const label = tr('options_editor_label');
  const form = useRef<HTMLFormElement>(null);
  // Opened from a row far down the table, the editor sits above it: focusing its first field also scrolls it in.
  useEffect(() => form.current?.querySelector<HTMLElement>('.rule-form input, .rule-form select')?.focus(), []);

  /** The draft the current view holds, or the JSON error that keeps it from being read. */
  const read = (): { draft: unknown } | { error: string } => {
    if (view.kind === 'form') return { draft: view.draft };
    try {
      return { draft: JSON.parse(view.text) };
    } catch (error) {
      return { error: `${label}: ${tr('options_bad_json', (error as Error).message)}` };
    }
  };
  const showForm = () => {
    const current = read();
    if ('error' in current) return setErrors([current.error]);
    setErrors([]);
    setView({ kind: 'form', draft: current.draft });
  };
  const showJson = () => view.kind === 'form' && setView({ kind: 'json', text: toJson(view.draft) });
  const save = async (event: Event) => {
    event.preventDefault();
    const current = read();
    if ('error' in current) return setErrors([current.error]);
    const checked = checkDraft(current.draft, rules, replacing, label, lang);
    if (!checked.rule) return setErrors(checked.errors);
    const refused = await onSave(checked.rule);
    setErrors(refused ? [refused] : []);
  };

  return (
    <form
      ref={form}
      class="rule-editor"
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-labelledby="rule-editor-title"
    >
      <h3 id="rule-editor-title">{replacing ? tr('options_edit_rule', replacing) : tr('options_add_rule')}</h3>
      <div class="view-switch" role="group" aria-label={tr('options_editor_view')}>
        <button type="button" aria-pressed={view.kind === 'form'} onClick={showForm}>
          {tr('options_view_form')}
        </button>
        <button type="button" aria-pressed={view.kind === 'json'} onClick={showJson}>
          {tr('options_view_json')}
        </button>
      </div>
      {view.kind === 'form' ? (
        <RuleForm draft={view.draft} onChange={(draft) => setView({ kind: 'form', draft })} />
      ) : (
        <JsonField
          id="rule-json"
          label={tr('options_view_json')}
          rows={18}
          wide
          value={view.text}
          onInput={(text) => setView({ kind: 'json', text })}
        />
      )}
      <ErrorList title={tr('options_rule_not_saved')} errors={errors} />
      <div class="buttons">
        <button type="submit" class="primary">
          {tr('options_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {tr('options_cancel')}
        </button>
      </div>
    </form>
  );
}

// Rules in and out as JSON. An import is checked whole before it is sent: one bad rule and nothing changes.
import { useState } from 'preact/hooks';
import { parseRuleFile } from '../rules/schema';
import { useT } from '../ui/components/lang';
import type { OptionsEnv } from './env';
import { ErrorList } from './ErrorList';
import { JsonField } from './JsonField';

interface Props {
  env: OptionsEnv;
  /** Re-reads the rules after an import changed them. */
  onImported(): void;
}

type Outcome = { kind: 'none' } | { kind: 'failed'; errors: string[] } | { kind: 'done'; message: string };

export const EXPORT_FILE = 'cartlint-rules.json';

export function ImportExport({ env, onImported }: Props) {
  const tr = useT();
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const importText = async (text: string, file: string) => {
    const { rules, errors } = parseRuleFile(text, file);
    if (errors.length > 0) return setOutcome({ kind: 'failed', errors });
    if (rules.length === 0) return setOutcome({ kind: 'failed', errors: [`${file}: ${tr('options_import_empty')}`] });
    try {
      const { added, replaced } = await env.client.request({ type: 'rules/import', json: text });
      setOutcome({ kind: 'done', message: tr('options_import_done', added, replaced) });
      setPasted('');
      onImported();
    } catch (error) {
      setOutcome({ kind: 'failed', errors: [(error as Error).message] });
    }
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // the same file can be picked again after fixing it
    await importText(await file.text(), file.name);
  };
  const exportRules = async () => {
    try {
      const { json } = await env.client.request({ type: 'rules/export' });
      env.download(EXPORT_FILE, json);
    } catch (error) {
      setOutcome({ kind: 'failed', errors: [(error as Error).message] });
    }
  };

  return (
    <section class="import-export" aria-labelledby="import-title">
      <h2 id="import-title">{tr('options_import_title')}</h2>
      <p class="muted">{tr('options_import_help')}</p>
      <div class="field">
        <label for="import-file">{tr('options_import_file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </div>
      <JsonField id="import-text" label={tr('options_import_paste')} rows={6} value={pasted} onInput={setPasted} />
      <div class="buttons">
        <button
          type="button"
          class="primary"
          disabled={pasted.trim() === ''}
          onClick={() => void importText(pasted, tr('options_pasted_file'))}
        >
          {tr('options_import_button')}
        </button>
        <button type="button" onClick={() => void exportRules()}>
          {tr('options_export_button')}
        </button>
      </div>
      {outcome.kind === 'failed' && <ErrorList title={tr('options_import_failed')} errors={outcome.errors} />}
      {outcome.kind === 'done' && (
        <p class="ok" role="status">
          {outcome.message}
        </p>
      )}
    </section>
  );
}

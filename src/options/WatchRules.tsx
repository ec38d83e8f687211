// The watched pages: the watch rules (src/dashboards/watch.ts) the operator picked or imported, and the
// organisation's (read-only), beside the policy rules; edited as JSON, deleted, imported and exported.
import { useState } from 'preact/hooks';
import { platformName, surfaceName } from '../core/names';
import type { LoadedWatchRule } from '../dashboards/watch';
import type { Client } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import type { OptionsEnv } from './env';

interface Props {
  env: OptionsEnv;
  rules: readonly LoadedWatchRule[];
  /** Runs a change and re-reads the configuration; a refusal is shown by the page. */
  attempt(action: (client: Client) => Promise<unknown>): Promise<void>;
}

const EXPORT_FILE = 'cartlint-watch-rules.json';
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Editor({
  rule,
  onSave,
  onCancel,
}: {
  rule: LoadedWatchRule;
  onSave(json: string): Promise<string | null>;
  onCancel(): void;
}) {
  const tr = useT();
  const { origin: _origin, ...stored } = rule;
  const [text, setText] = useState(JSON.stringify(stored, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="watch-editor">
      <label for="watch-json">{tr('options_watch_json_label', rule.id)}</label>
      <textarea id="watch-json" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" onClick={async () => setError(await onSave(text))}>
          {tr('options_watch_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {tr('options_watch_cancel')}
        </button>
      </div>
    </div>
  );
}

export function WatchRules({ env, rules, attempt }: Props) {
  const lang = useLang();
  const tr = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { client } = env;

  const save = async (json: string): Promise<string | null> => {
    try {
      const rule = JSON.parse(json) as Record<string, unknown>;
      await client.request({ type: 'watch/save', rule });
      if (editing && rule.id !== editing) await client.request({ type: 'watch/delete', id: editing });
    } catch (error) {
      return message(error);
    }
    setEditing(null);
    await attempt(async () => undefined);
    return null;
  };
  const remove = (id: string) => {
    if (env.confirm(tr('options_watch_delete_confirm', id)))
      void attempt((c) => c.request({ type: 'watch/delete', id }));
  };
  const importPasted = () =>
    attempt(async (c) => {
      setStatus(null);
      const { added, replaced } = await c.request({ type: 'watch/import', json: paste });
      setPaste('');
      setStatus(tr('options_watch_imported', added, replaced));
    });
  const exportOwn = () =>
    attempt(async (c) => env.download(EXPORT_FILE, (await c.request({ type: 'watch/export' })).json));

  return (
    <section class="watch-section" aria-labelledby="watch-title">
      <h2 id="watch-title">{tr('options_watch_title')}</h2>
      <p class="muted">{tr('options_watch_help')}</p>
      {rules.length === 0 ? (
        <p class="watch-none">{tr('options_watch_none')}</p>
      ) : (
        <table class="watch-rules">
          <thead>
            <tr>
              <th scope="col">id</th>
              <th scope="col">{tr('options_watch_where')}</th>
              <th scope="col">{tr('options_watch_reads')}</th>
              <th scope="col">{tr('options_watch_origin')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-watch={rule.id}>
                <th scope="row">{rule.id}</th>
                <td>
                  <code>
                    {rule.host}
                    {rule.path}
                  </code>
                  <br />
                  {platformName(lang, rule.platform)} · {surfaceName(lang, rule.surface)}
                </td>
                <td>
                  {rule.fields.length > 0 && <div>{tr('options_watch_fields', rule.fields.join(', '))}</div>}
                  {rule.rows.length > 0 && <div>{tr('options_watch_rows', rule.rows.join(', '))}</div>}
                </td>
                <td class="nowrap">
                  {tr(rule.origin === 'managed' ? 'options_origin_managed' : 'options_origin_custom')}
                </td>
                <td class="nowrap">
                  {rule.origin === 'custom' && (
                    <>
                      <button type="button" onClick={() => setEditing(rule.id)}>
                        {tr('options_watch_edit')}
                      </button>{' '}
                      <button type="button" onClick={() => remove(rule.id)}>
                        {tr('options_watch_delete')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && rules.some((rule) => rule.id === editing) && (
        <Editor
          key={editing}
          rule={rules.find((rule) => rule.id === editing)!}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <div class="watch-import">
        <label for="watch-import-text">{tr('options_watch_import_label')}</label>
        <textarea id="watch-import-text" rows={4} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} />
        <div class="buttons">
          <button type="button" onClick={() => void importPasted()} disabled={paste.trim() === ''}>
            {tr('options_watch_import')}
          </button>
          <button type="button" onClick={() => void exportOwn()}>
            {tr('options_watch_export')}
          </button>
        </div>
        {status && <p role="status">{status}</p>}
      </div>
    </section>
  );
}

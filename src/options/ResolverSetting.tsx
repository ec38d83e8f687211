// The opt-in short-link resolver. Its host permission is optional: asked for from the user's click when switched on,
// given back when switched off, and re-asked when the browser lost it while the setting (or a policy) keeps it on.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../ui/components/lang';
import type { OptionsEnv } from './env';

interface Props {
  env: OptionsEnv;
  on: boolean;
  /** Fixed by an administrator: the switch is shown, not editable. */
  managed: boolean;
  onChange(on: boolean): Promise<void>;
}

export function ResolverSetting({ env, on, managed, onChange }: Props) {
  const tr = useT();
  const [note, setNote] = useState<string | null>(null);
  /** On, but the browser does not hold the permission (revoked in its settings, or a policy turned it on). */
  const [missing, setMissing] = useState(false);
  const origins = () => ({ origins: [...env.resolverOrigins] });

  useEffect(() => {
    if (!on) return setMissing(false);
    let live = true;
    env.permissions.contains(origins()).then(
      (has) => live && setMissing(!has),
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [on]);

  /** Must run synchronously inside the click: browsers show the permission prompt only during the user's gesture. */
  const ask = (): Promise<boolean> =>
    env.permissions.request(origins()).then(
      (granted) => {
        setNote(granted ? null : tr('options_resolver_refused'));
        return granted;
      },
      (error: unknown) => {
        setNote(`${tr('options_resolver_refused')} (${String(error)})`);
        return false;
      },
    );

  const switchTo = (next: boolean) => {
    setNote(null);
    if (!next) {
      void onChange(false).then(() => env.permissions.remove(origins()).catch(() => false));
      return;
    }
    void ask().then((granted) => (granted ? onChange(true) : undefined));
  };
  const grantAgain = () => void ask().then((granted) => setMissing(!granted));

  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          disabled={managed}
          aria-describedby="resolver-help"
          // click, not change: the permission prompt needs to run inside the user's own input event, which the
          // click is in every browser (Space fires it too); the box is already toggled when the handler runs.
          onClick={(e) => switchTo(e.currentTarget.checked)}
        />
        {tr('options_resolver')}
      </label>
      <span id="resolver-help" class="muted">
        {tr('options_resolver_help')}
      </span>
      {managed && <span class="muted managed-note">{tr('options_managed_setting')}</span>}
      {missing && (
        <p class="resolver-missing">
          <span class="error">{tr('options_resolver_missing')}</span>{' '}
          <button type="button" onClick={grantAgain}>
            {tr('options_resolver_grant')}
          </button>
        </p>
      )}
      {note && (
        <span class="error" role="alert">
          {note}
        </span>
      )}
    </div>
  );
}

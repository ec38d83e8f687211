// The sites outside the dashboards the operator allowed from the popup for a watch rule (optional host
// permissions), each with the watch rules that name it and a button to give the access back. The worker follows
// the change (permissions.onRemoved) and stops running there.
import { useEffect, useState } from 'preact/hooks';
import type { LoadedWatchRule } from '../dashboards/watch';
import { hostOfOriginPattern } from '../host-access';
import { listOf } from '../core/names';
import { useLang, useT } from '../ui/components/lang';
import type { OptionsEnv } from './env';

interface Props {
  env: OptionsEnv;
  rules: readonly LoadedWatchRule[];
}

export function GrantedHosts({ env, rules }: Props) {
  const lang = useLang();
  const tr = useT();
  const [granted, setGranted] = useState<{ origin: string; host: string }[] | null>(null);
  const dashboards = new Set(env.watchedPages.map((page) => page.host));
  const read = () =>
    env.permissions.getAll().then(
      ({ origins = [] }) =>
        setGranted(
          origins.flatMap((origin) => {
            const host = hostOfOriginPattern(origin);
            return host === null || dashboards.has(host) ? [] : [{ origin, host }];
          }),
        ),
      () => setGranted([]),
    );
  useEffect(() => void read(), []);
  const remove = (origin: string) =>
    void env.permissions
      .remove({ origins: [origin] })
      .catch(() => false)
      .then(read);

  if (granted === null) return null;
  return (
    <section class="hosts-section" aria-labelledby="hosts-title">
      <h2 id="hosts-title">{tr('options_hosts_title')}</h2>
      <p class="muted">{tr('options_hosts_help')}</p>
      {granted.length === 0 ? (
        <p class="hosts-none">{tr('options_hosts_none')}</p>
      ) : (
        <ul class="granted-hosts">
          {granted.map(({ origin, host }) => {
            const ids = rules.filter((rule) => rule.host === host).map((rule) => rule.id);
            return (
              <li key={origin} data-origin={origin}>
                <code>{origin}</code>{' '}
                <span class="muted">
                  {ids.length > 0 ? tr('options_hosts_watched_by', listOf(lang, ids)) : tr('options_hosts_unwatched')}
                </span>{' '}
                <button
                  type="button"
                  aria-label={tr('options_hosts_remove_label', host)}
                  onClick={() => remove(origin)}
                >
                  {tr('options_hosts_remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

// What the popup says when there is no finding to list, each with the next thing to do.
import { listOf, platformName } from '../core/names';
import type { Platform } from '../core/types';
import { useLang, useT } from '../ui/components/lang';
import type { WatchedPage } from './env';

/** Hosts grouped by platform, in the order the pages come (watchedPagesOf already lists each host once). */
function byPlatform(pages: readonly WatchedPage[]): Map<Platform, string[]> {
  const groups = new Map<Platform, string[]>();
  for (const { platform, host } of pages) {
    const hosts = groups.get(platform) ?? [];
    hosts.push(host);
    groups.set(platform, hosts);
  }
  return groups;
}

export function NotWatched({ pages }: { pages: readonly WatchedPage[] }) {
  const lang = useLang();
  const tr = useT();
  return (
    <section class="empty">
      <p>{tr('popup_not_watched')}</p>
      <ul class="hosts">
        {[...byPlatform(pages)].map(([platform, hosts]) => (
          <li key={platform}>
            <strong>{platformName(lang, platform)}</strong>
            {tr('popup_label_colon')}
            <span class="host-names">{listOf(lang, hosts)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A watched host whose page has not reported: still loading, or opened before cartlint could run in it. */
export function NotReadYet({ onReload }: { onReload(): void }) {
  const tr = useT();
  return (
    <section class="empty">
      <p>{tr('popup_not_read_yet')}</p>
      <button type="button" class="primary" onClick={onReload}>
        {tr('popup_reload')}
      </button>
    </section>
  );
}

/** A watched page where cartlint found nothing to read: said plainly, not shown as an empty list. */
export function ReadsNothing() {
  const tr = useT();
  return (
    <section class="empty reads-nothing">
      <p>{tr('popup_reads_nothing')}</p>
    </section>
  );
}

export function NothingFlagged() {
  const tr = useT();
  return (
    <section class="empty">
      <p>{tr('popup_nothing_flagged')}</p>
    </section>
  );
}

interface PausedProps {
  host: string | null;
  onResume(): void;
}

export function Paused({ host, onResume }: PausedProps) {
  const tr = useT();
  return (
    <section class="empty">
      <p>{host ? tr('popup_paused_on', host) : tr('popup_paused')}</p>
      {host && (
        <button type="button" class="primary" onClick={onResume}>
          {tr('popup_resume')}
        </button>
      )}
    </section>
  );
}

export function LoadFailed({ message }: { message: string }) {
  const tr = useT();
  return (
    <section class="empty" role="alert">
      <p>{tr('popup_load_failed')}</p>
      <p class="muted">{message}</p>
    </section>
  );
}

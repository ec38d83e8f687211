// What the popup says when there is no finding to list, each with the next thing to do.
import type { ComponentChildren } from 'preact';
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

interface EmptyProps {
  message: string;
  /** The next thing to do, as the section's one button. */
  action?: { label: string; run(): void };
  /** Marks a state that tests and styles tell apart ("reads-nothing"). */
  kind?: string;
  role?: 'alert';
  children?: ComponentChildren;
}

/** The shape every empty state shares: what is so, then what to do next. */
function Empty({ message, action, kind, role, children }: EmptyProps) {
  return (
    <section class={kind ? `empty ${kind}` : 'empty'} role={role}>
      <p>{message}</p>
      {children}
      {action && (
        <button type="button" class="primary" onClick={action.run}>
          {action.label}
        </button>
      )}
    </section>
  );
}

export function NotWatched({ pages }: { pages: readonly WatchedPage[] }) {
  const lang = useLang();
  const tr = useT();
  return (
    <Empty message={tr('popup_not_watched')}>
      <ul class="hosts">
        {[...byPlatform(pages)].map(([platform, hosts]) => (
          <li key={platform}>
            <strong>{platformName(lang, platform)}</strong>
            {tr('popup_label_colon')}
            <span class="host-names">{listOf(lang, hosts)}</span>
          </li>
        ))}
      </ul>
    </Empty>
  );
}

/** A watched host whose page has not reported: still loading, or opened before cartlint could run in it. */
export function NotReadYet({ onReload }: { onReload(): void }) {
  const tr = useT();
  return <Empty message={tr('popup_not_read_yet')} action={{ label: tr('popup_reload'), run: onReload }} />;
}

/** A watched page where cartlint found nothing to read: said plainly, not shown as an empty list. */
export function ReadsNothing() {
  const tr = useT();
  return <Empty message={tr('popup_reads_nothing')} kind="reads-nothing" />;
}

export function NothingFlagged() {
  const tr = useT();
  return <Empty message={tr('popup_nothing_flagged')} />;
}

interface PausedProps {
  host: string | null;
  onResume(): void;
}

export function Paused({ host, onResume }: PausedProps) {
  const tr = useT();
  if (!host) return <Empty message={tr('popup_paused')} />;
  return <Empty message={tr('popup_paused_on', host)} action={{ label: tr('popup_resume'), run: onResume }} />;
}

export function LoadFailed({ message }: { message: string }) {
  const tr = useT();
  return (
    <Empty message={tr('popup_load_failed')} role="alert">
      <p class="muted">{message}</p>
    </Empty>
  );
}

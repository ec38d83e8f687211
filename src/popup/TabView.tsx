// The tab's page, its findings and the actions on them; or the empty state that fits.
import { useMemo, useState } from 'preact/hooks';
import type { SurfaceOrUnknown } from '../core/types';
import { adapterFor } from '../dashboards';
import { originPatternOf } from '../host-access';
import { hostOf, type Settings } from '../protocol';
import { useLang, useT } from '../ui/components/lang';
import { pausedSitesWith } from '../ui/watched';
import { CopyFallback } from './CopyFallback';
import { NothingFlagged, NotReadYet, NotWatched, Paused, ReadsNothing } from './EmptyStates';
import type { PopupEnv } from './env';
import { FindingList } from './FindingList';
import { noticesFor } from './notices';
import { PageHeader } from './PageHeader';
import { Summary } from './Summary';
import { groupKey, summarise } from './summary';
import { useCopy } from './useCopy';
import type { PopupData } from './usePopupData';

interface Props {
  data: PopupData;
  env: PopupEnv;
  refreshTab(): Promise<void>;
  setSettings(settings: Settings): void;
}

const ALL_BANNED = 'all-banned';

/** False when the address is known and no adapter watches it: the content script stays idle there and never reports. */
const mayBeDashboard = (url: string | undefined) => {
  try {
    return !url || adapterFor(url) !== null;
  } catch {
    return false; // not a URL an adapter could match
  }
};

export function TabView({ data, env, refreshTab, setSettings }: Props) {
  const { config, tab, target } = data;
  const { client } = env;
  const lang = useLang();
  const tr = useT();
  const summary = useMemo(() => summarise(tab.findings), [tab.findings]);
  // The page's own counts: allowed links are counted, not listed, and past MAX_LISTED the rest are counted too.
  const pageSummary = useMemo(() => ({ ...summary, counts: tab.counts }), [summary, tab.counts]);
  const unlisted = tab.counts.banned + tab.counts.review - tab.findings.length;
  const notices = useMemo(() => noticesFor(tab, config.rules, lang), [tab, config.rules, lang]);
  const [copyState, copy] = useCopy(env.clipboard);
  const [failure, setFailure] = useState<string | null>(null);
  const host = hostOf(tab.page?.url) ?? hostOf(target.url);

  /** Runs a request; a refusal from the background is shown, not lost. */
  const attempt = (action: () => Promise<unknown>) => {
    setFailure(null);
    action().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  const setPaused = (paused: boolean) =>
    attempt(async () => {
      // No host (the tab's address is unknown): nothing to pause or resume, the list goes back unchanged.
      const pausedSites = host
        ? pausedSitesWith(config.settings.pausedSites, host, paused)
        : config.settings.pausedSites;
      setSettings(await client.request({ type: 'settings/set', patch: { pausedSites } }));
      await refreshTab();
    });
  const setSurface = (surface: SurfaceOrUnknown) =>
    attempt(async () => {
      await client.request({ type: 'surface/set', tabId: tab.tabId, pattern: tab.page!.pattern, surface });
      await refreshTab();
    });
  const reveal = (findingId: string) =>
    attempt(() => client.request({ type: 'finding/reveal', tabId: tab.tabId, findingId }));
  // The picker is injected into the page. On a dashboard host cartlint may touch the page already; on any other
  // http(s) host it first asks for that one origin, and the browser shows its prompt only inside the click.
  const [picking, setPicking] = useState(false);
  const dashboardHost = host !== null && env.watchedPages.some((p) => p.host === host);
  const origin = dashboardHost ? null : originPatternOf(tab.page?.url ?? target.url);
  const startPicker = async () => {
    await client.request({ type: 'picker/start', tabId: tab.tabId });
    setPicking(true);
  };
  const pick = () => {
    if (origin === null) return attempt(startPicker);
    // No await before this call: a promise later, the click's gesture is gone and Firefox refuses the prompt.
    const granted = env.permissions.request({ origins: [origin] });
    attempt(async () => {
      if (!(await granted)) throw new Error(tr('popup_pick_refused', host ?? origin));
      await startPicker();
    });
  };
  const pickControl = (dashboardHost || origin !== null) && (
    <p class="pick">
      {picking ? (
        <span role="status">{tr('popup_pick_started')}</span>
      ) : (
        <>
          <button type="button" class="pick-start" onClick={pick}>
            {tr('popup_pick')}
          </button>
          {origin !== null && <span class="pick-asks muted"> {tr('popup_pick_asks_host', host ?? origin)}</span>}
        </>
      )}
    </p>
  );

  const failureNote = failure && (
    <p class="error" role="alert">
      {tr('popup_action_failed', failure)}
    </p>
  );
  if (tab.paused) {
    return (
      <>
        <Paused host={host} onResume={() => setPaused(false)} />
        {failureNote}
      </>
    );
  }
  const page = tab.page;
  // No report at all from a watched host's cart page: the content script has not run there (yet). A report without
  // an adapter, or a tab address no adapter matches, is a dashboard host's other page: not watched, nothing to reload.
  if (!page && host && env.watchedPages.some((p) => p.host === host) && mayBeDashboard(target.url)) {
    return (
      <>
        <NotReadYet onReload={() => attempt(() => env.reloadTab(tab.tabId))} />
        {failureNote}
      </>
    );
  }
  if (!page?.platform || !page.adapter) {
    return (
      <>
        <NotWatched pages={env.watchedPages} />
        {pickControl}
        {failureNote}
      </>
    );
  }

  const copiedWhat = copyState.kind === 'copied' ? copyState.what : null;
  return (
    <>
      {tab.findings.length + tab.counts.allowed > 0 && (
        <Summary
          summary={pageSummary}
          rules={config.rules}
          copiedWhat={copiedWhat}
          onCopyGroup={notices ? (group) => copy(groupKey(group), notices.group(group)) : undefined}
        />
      )}
      <div class="actions">
        {notices && summary.counts.banned > 0 && (
          <button type="button" class="primary" onClick={() => copy(ALL_BANNED, notices.allBanned())}>
            {copiedWhat === ALL_BANNED ? tr('popup_copied') : tr('popup_copy_all', summary.counts.banned)}
          </button>
        )}
        {!config.locked && host && (
          <button type="button" onClick={() => setPaused(true)}>
            {tr('popup_pause')}
          </button>
        )}
      </div>
      {failureNote}
      {copyState.kind === 'refused' && <CopyFallback text={copyState.text} />}
      {unlisted > 0 && (
        <p class="too-many muted">{tr('popup_too_many', tab.findings.length, unlisted + tab.findings.length)}</p>
      )}
      {tab.findings.length === 0 ? (
        tab.counts.allowed === 0 &&
        (page.reads && page.reads.fields + page.reads.rows === 0 ? <ReadsNothing /> : <NothingFlagged />)
      ) : (
        <FindingList
          sorted={summary.sorted}
          counts={tab.counts}
          copiedWhat={copiedWhat}
          onReveal={reveal}
          onCopy={notices ? (finding) => copy(finding.id, notices.finding(finding)) : undefined}
        />
      )}
      <PageHeader page={{ ...page, platform: page.platform }} at={tab.at} onSurface={setSurface} />
      {pickControl}
      <p class="visually-hidden" role="status" aria-live="polite">
        {copiedWhat ? tr('popup_copied') : ''}
      </p>
    </>
  );
}

// Loads the snapshot and the tab's state once, then keeps both fresh while the popup is open: the tab's findings
// by polling (the content script re-reports after the operator edits the page or corrects the surface), the
// snapshot when settings or rules change elsewhere (the options page, a policy).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConfigSnapshot, Settings, TabState } from '../protocol';
import { coalesced } from '../ui/config-changes';
import type { PopupEnv, TabTarget } from './env';

export interface PopupData {
  config: ConfigSnapshot;
  tab: TabState;
  target: TabTarget;
}

export interface PopupDataHandle {
  data: PopupData | null;
  error: string | null;
  refreshTab(): Promise<void>;
  setSettings(settings: Settings): void;
}

const sameTab = (a: TabState, b: TabState) => JSON.stringify(a) === JSON.stringify(b);

export function usePopupData({ client, resolveTab, refreshMs, onConfigChanged }: PopupEnv): PopupDataHandle {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = useRef<Promise<TabTarget> | null>(null);
  target.current ??= resolveTab();

  const readTab = async () => client.request({ type: 'tab/state', tabId: (await target.current!).id });
  const refreshTab = async () => {
    try {
      const tab = await readTab();
      setData((old) => (old && !sameTab(old.tab, tab) ? { ...old, tab } : old));
    } catch {
      // A missed refresh is harmless: the next one, or the initial error, tells the user.
    }
  };

  const refreshConfig = useMemo(
    () =>
      coalesced(async () => {
        try {
          const config = await client.request({ type: 'config/get' });
          setData((old) => old && { ...old, config });
        } catch {
          // As for the tab: the snapshot on screen stays, and the next change reads again.
        }
      }),
    [],
  );

  useEffect(() => {
    let live = true;
    let loaded = false;
    let changedWhileLoading = false;
    Promise.all([client.request({ type: 'config/get' }), readTab(), target.current!]).then(
      ([config, tab, resolved]) => {
        if (!live) return;
        loaded = true;
        setData({ config, tab, target: resolved });
        // The first snapshot may predate a change that arrived before there was anything to update.
        if (changedWhileLoading) void refreshConfig();
      },
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    const timer = refreshMs > 0 ? setInterval(() => void refreshTab(), refreshMs) : undefined;
    const stopWatching = onConfigChanged?.(() => {
      if (loaded) void refreshConfig();
      else changedWhileLoading = true;
    });
    return () => {
      live = false;
      clearInterval(timer);
      stopWatching?.();
    };
  }, []);

  const setSettings = (settings: Settings) => setData((old) => old && { ...old, config: { ...old.config, settings } });

  return { data, error, refreshTab, setSettings };
}

// Loads the snapshot and the tab's state once, then keeps the tab's findings fresh while the popup is open:
// the content script re-reports after the operator edits the page or corrects the surface.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigSnapshot, Settings, TabState } from '../protocol';
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

export function usePopupData({ client, resolveTab, refreshMs }: PopupEnv): PopupDataHandle {
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

  useEffect(() => {
    let live = true;
    Promise.all([client.request({ type: 'config/get' }), readTab(), target.current!]).then(
      ([config, tab, resolved]) => live && setData({ config, tab, target: resolved }),
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    const timer = refreshMs > 0 ? setInterval(() => void refreshTab(), refreshMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const setSettings = (settings: Settings) =>
    setData((old) => old && { ...old, config: { ...old.config, settings } });

  return { data, error, refreshTab, setSettings };
}

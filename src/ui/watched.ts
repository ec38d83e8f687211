// The dashboards cartlint watches, as the popup and the options page list them: one entry per host.
import type { Platform } from '../core/types';

export interface WatchedPage {
  platform: Platform;
  host: string;
}

/** Each adapter's host once, in adapter order (several adapters share a host). */
export function watchedPagesOf(adapters: readonly WatchedPage[]): WatchedPage[] {
  const seen = new Set<string>();
  return adapters.flatMap(({ platform, host }) => (seen.has(host) ? [] : (seen.add(host), [{ platform, host }])));
}

/** The paused-sites setting with `host` paused or resumed; the popup and the options page send the same list. */
export function pausedSitesWith(pausedSites: readonly string[], host: string, paused: boolean): string[] {
  const others = pausedSites.filter((site) => site !== host);
  return paused ? [...others, host] : others;
}

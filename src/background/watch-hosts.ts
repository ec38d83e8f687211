// Watch rules on hosts outside the dashboards (a shop's own back office): the operator grants that one host in the
// popup's click (optional host permission), and the worker registers the content script there, so cartlint runs on
// every later visit. It runs exactly where a granted origin and a watch rule's host meet: a host granted for the
// short-link resolver, or a watch rule whose host was never granted (or was revoked), gets nothing. Registered
// scripts persist across browser restarts; the worker re-syncs at startup, on every permission change and after
// every change of watch rules, so the registration always follows what is granted and watched.
import { hostOfOriginPattern } from '../host-access';
import { serial } from './serial';

/** The manifest's content script: the registered one runs the same files, at the same time, in the same frames. */
export interface ManifestContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
  all_frames?: boolean;
}

/** The manifest's first content script with its files as paths in the package: Firefox's runtime.getManifest()
 *  gives them as full moz-extension:// URLs, which registerContentScripts and executeScript refuse. */
export function manifestContentScript(
  manifest: { content_scripts: ManifestContentScript[] },
  extensionUrl: string,
): ManifestContentScript {
  const script = manifest.content_scripts[0]!;
  const inPackage = (file: string) => (file.startsWith(extensionUrl) ? file.slice(extensionUrl.length) : file);
  return { ...script, js: script.js.map(inPackage) };
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The parts of browser.permissions and browser.scripting used. */
export interface WatchHostApis {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
  contentScript: ManifestContentScript;
}

export const WATCHED_HOSTS_SCRIPT = 'cartlint-watched-hosts';

/** Granted one-origin patterns whose host a watch rule names, leaving out the manifest's own dashboards. */
export function watchedOrigins(
  granted: readonly string[],
  rules: readonly { host: string }[],
  dashboards: readonly string[],
): string[] {
  const hosts = new Set(rules.map((rule) => rule.host));
  return granted
    .filter((pattern) => {
      const host = hostOfOriginPattern(pattern);
      return host !== null && hosts.has(host) && !dashboards.includes(pattern);
    })
    .sort();
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

export function createWatchHosts(apis: WatchHostApis) {
  const { scripting, contentScript } = apis;
  // One sync at a time: a permission event and a rule change arriving together must not register twice.
  const queue = serial();

  /** Makes the registration match what is granted and watched now; returns the origins it covers. */
  const sync = (rules: readonly { host: string }[]): Promise<string[]> =>
    queue(async () => {
      const granted = (await apis.permissions.getAll()).origins ?? [];
      const matches = watchedOrigins(granted, rules, contentScript.matches);
      const [current] = await scripting.getRegisteredContentScripts({ ids: [WATCHED_HOSTS_SCRIPT] });
      if (current && sameList([...(current.matches ?? [])].sort(), matches)) return matches;
      if (current) await scripting.unregisterContentScripts({ ids: [WATCHED_HOSTS_SCRIPT] });
      if (matches.length > 0) {
        await scripting.registerContentScripts([
          {
            id: WATCHED_HOSTS_SCRIPT,
            matches,
            js: contentScript.js,
            runAt: (contentScript.run_at ?? 'document_idle') as RegisteredScript['runAt'],
            allFrames: contentScript.all_frames ?? false,
            persistAcrossSessions: true,
          },
        ]);
      }
      return matches;
    });

  return { sync };
}

// Where the background keeps its state. The worker may be stopped at any moment, so nothing lives only in memory:
// every request re-reads storage. storage.local holds what the operator chose (settings, own rules, surface choices)
// under a `schemaVersion`; storage.session holds per-tab findings (gone when the browser closes, like the tabs).
// Built-in rules are never stored: they ship in the bundle, so an update can never overwrite a custom rule.
import {
  CONFIG_KEYS,
  packFindings,
  unpackFindings,
  type PageInfo,
  type Settings,
  type TabFinding,
  type VerdictCounts,
} from '../protocol';
import { isObject } from '../core/guards';
import { SURFACES, type Rule, type Surface } from '../core/types';
import { serial } from './serial';
import { cleanSettings } from './settings';

/** The part of browser.storage.StorageArea we use; webextension-polyfill's areas fit it. */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SCHEMA_VERSION = 2;

/** One of the operator's rules as stored. `rule` is re-validated at every load, so a schema change cannot crash. */
export interface StoredCustomRule {
  rule: Rule;
  enabled: boolean;
}

export interface LocalState {
  /** Only the keys the operator chose; defaults and managed values are applied when read. */
  settings: Partial<Settings>;
  customRules: StoredCustomRule[];
  /** Built-in rule ids the operator switched off. */
  disabledBuiltIn: string[];
  surfaceOverrides: Record<string, Surface>;
  /** The organisation's rules as last validated, kept in force when a later policy has a broken version. */
  managedCache: Rule[];
  /** The operator's watch rules as stored; validated at every load like the custom rules. */
  watchRules: unknown[];
}

/** What one frame of a tab last reported: its banned and review findings (capped), every verdict counted. */
export interface FrameReport {
  page: PageInfo;
  findings: TabFinding[];
  counts: VerdictCounts;
  at: string;
}
/** A tab's reports by frame id. */
export type TabReports = Record<string, FrameReport>;

/**
 * A frame's report as storage.session holds it: the findings packed (one decision table, findings pointing into it),
 * a few hundred bytes a finding instead of ~1.3 KB, because the session quota (10 MB) is shared by every tab.
 */
interface StoredFrame {
  page: PageInfo;
  findingsJson: string;
  counts: VerdictCounts;
  at: string;
}
type StoredTab = Record<string, StoredFrame>;

const TAB_PREFIX = 'tab:';
const tabKey = (tabId: number) => `${TAB_PREFIX}${tabId}`;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Layout 1 (before schemaVersion existed): custom rules as an object keyed by id, each rule carrying its own
 * `enabled`; switched-off built-in ids under `disabledRules`; settings as flat top-level keys.
 * Returns what to write and which old keys to drop to reach layout 2. Pure, so the test can feed it old data.
 */
export function migrateV1(old: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  // Already a list: layout 2 data that lost its version mark; kept as it is.
  const customRules: StoredCustomRule[] = cleanCustom(old.customRules);
  if (isObject(old.customRules)) {
    for (const [id, value] of Object.entries(old.customRules)) {
      if (!isObject(value)) {
        // Kept as found: the load reports it, and the operator's data is never silently dropped.
        customRules.push({ rule: value as unknown as Rule, enabled: true });
        continue;
      }
      const { enabled, ...rule } = value;
      customRules.push({ rule: { id, ...rule } as unknown as Rule, enabled: enabled !== false });
    }
  }
  const flatKeys = ['language', 'pausedSites', 'resolveShortLinks'].filter((key) => old[key] !== undefined);
  const flat = {
    ...(isObject(old.settings) ? old.settings : {}),
    ...Object.fromEntries(flatKeys.map((key) => [key, old[key]])),
  };
  return {
    set: {
      schemaVersion: SCHEMA_VERSION,
      settings: cleanSettings(flat).settings,
      customRules,
      disabledBuiltIn: [...strings(old.disabledBuiltIn), ...strings(old.disabledRules)],
      surfaceOverrides: cleanOverrides(old.surfaceOverrides),
    },
    remove: ['disabledRules', 'language', 'pausedSites', 'resolveShortLinks'],
  };
}

function cleanOverrides(value: unknown): Record<string, Surface> {
  const out: Record<string, Surface> = {};
  if (!isObject(value)) return out;
  for (const [pattern, surface] of Object.entries(value)) {
    if ((SURFACES as readonly unknown[]).includes(surface)) out[pattern] = surface as Surface;
  }
  return out;
}

function cleanCustom(value: unknown): StoredCustomRule[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((entry) => ({ rule: entry.rule as Rule, enabled: entry.enabled !== false }));
}

function readState(raw: Record<string, unknown>): LocalState {
  return {
    settings: cleanSettings(raw.settings).settings,
    customRules: cleanCustom(raw.customRules),
    disabledBuiltIn: strings(raw.disabledBuiltIn),
    surfaceOverrides: cleanOverrides(raw.surfaceOverrides),
    managedCache: Array.isArray(raw.managedCache) ? (raw.managedCache as Rule[]) : [],
    watchRules: Array.isArray(raw.watchRules) ? raw.watchRules : [],
  };
}

const storedFrame = ({ findings, ...rest }: FrameReport): StoredFrame => ({
  ...rest,
  findingsJson: packFindings(findings),
});

/** The frames of a stored tab; a frame in another layout (an older version's) is left out rather than misread. */
function storedTab(value: unknown): StoredTab {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, StoredFrame] =>
        isObject(entry[1]) && typeof entry[1].findingsJson === 'string' && isObject(entry[1].counts),
    ),
  );
}

function readTab(stored: StoredTab): TabReports {
  const reports: TabReports = {};
  for (const [frameId, { findingsJson, ...rest }] of Object.entries(stored)) {
    // Written by putReport from checked findings, so they read back as they were.
    reports[frameId] = { ...rest, findings: (unpackFindings(findingsJson) ?? []) as TabFinding[] };
  }
  return reports;
}

export interface Areas {
  local: StorageArea;
  /** storage.session; null where the browser lacks it (tab data then goes to local and is cleared at startup). */
  session: StorageArea | null;
}

export function createStore({ local, session }: Areas) {
  const tabArea = session ?? local;
  /** Read-modify-write sequences run one at a time, so two quick requests cannot lose each other's change.
   *  (Within one worker life; a worker stopped mid-write is restarted by the next event, which re-reads.) */
  const exclusive = serial();
  let upgraded: Promise<void> | null = null;

  async function upgrade(): Promise<void> {
    const raw = await local.get(null);
    // No schemaVersion: layout 1, or a fresh install (which layout 1's migration turns into an empty layout 2).
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
    if (version >= SCHEMA_VERSION) return; // a newer layout (downgrade): read what we understand, rewrite nothing
    const { set, remove } = migrateV1(raw);
    await local.set(set);
    await local.remove(remove);
  }

  /** Brings the layout up to date once per worker life (and the first time after an update). Not queued behind
   *  `exclusive` (which itself waits for it), and memoised, so it runs once even when requests arrive together. */
  async function storedTabIds(): Promise<number[]> {
    const all = await tabArea.get(null);
    return Object.keys(all)
      .filter((key) => key.startsWith(TAB_PREFIX))
      .map((key) => Number(key.slice(TAB_PREFIX.length)))
      .filter(Number.isInteger);
  }

  const ready = () => {
    upgraded ??= upgrade().catch((error: unknown) => {
      upgraded = null; // try again on the next request rather than stay broken
      throw error;
    });
    return upgraded;
  };

  return {
    ready,
    exclusive: <T>(fn: () => Promise<T>): Promise<T> => exclusive(async () => (await ready(), fn())),
    async read(): Promise<LocalState> {
      await ready();
      return readState(await local.get([...CONFIG_KEYS]));
    },
    /** Call inside `exclusive` when the patch depends on what was read. */
    async write(patch: Partial<LocalState>): Promise<void> {
      await ready();
      await local.set(patch);
    },
    async tab(tabId: number): Promise<TabReports> {
      const key = tabKey(tabId);
      return readTab(storedTab((await tabArea.get(key))[key]));
    },
    /**
     * Replaces the frame's previous report. When storage is full, the tabs `openTabs` does not list (closed while no
     * worker heard it) are evicted and the write tried again; still full, the frame keeps its counts without its list
     * (the popup says "too many to list"), so the badge never loses a banned link to the quota.
     */
    putReport(
      tabId: number,
      frameId: number,
      report: FrameReport,
      openTabs: () => Promise<readonly number[]> = async () => [],
    ): Promise<TabReports> {
      return exclusive(async () => {
        const key = tabKey(tabId);
        const others = storedTab((await tabArea.get(key))[key]);
        const write = async (frame: StoredFrame) => {
          const stored = { ...others, [frameId]: frame };
          await tabArea.set({ [key]: stored });
          return readTab(stored);
        };
        const full = storedFrame(report);
        try {
          return await write(full);
        } catch {
          const open = new Set([...(await openTabs()), tabId]);
          const closed = (await storedTabIds()).filter((id) => !open.has(id)).map(tabKey);
          if (closed.length > 0) await tabArea.remove(closed);
          return await write(full).catch(() => write(storedFrame({ ...report, findings: [] })));
        }
      });
    },
    /** Forgets one frame's report (its document went away); the tab's other frames stay. */
    dropFrame(tabId: number, frameId: number): Promise<TabReports> {
      return exclusive(async () => {
        const key = tabKey(tabId);
        const { [frameId]: _gone, ...others } = storedTab((await tabArea.get(key))[key]);
        if (Object.keys(others).length === 0) await tabArea.remove(key);
        else await tabArea.set({ [key]: others });
        return readTab(others);
      });
    },
    dropTab(tabId: number): Promise<void> {
      return exclusive(() => tabArea.remove(tabKey(tabId)));
    },
    /** Every tab with stored reports (to repaint badges after a settings change). */
    tabIds: storedTabIds,
    /** Tab ids restart with the browser; without storage.session old tab data in local would be misattributed. */
    async clearTabsAtStartup(): Promise<void> {
      if (session) return;
      const stale = Object.keys(await local.get(null)).filter((key) => key.startsWith(TAB_PREFIX));
      if (stale.length > 0) await exclusive(() => local.remove(stale));
    },
    local,
  };
}

export type Store = ReturnType<typeof createStore>;

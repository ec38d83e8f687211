// How the extension's contexts talk: one discriminated union of every message, and one typed client.
// The background answers runtime messages with one `switch` (src/background/handle.ts); the content
// script answers the two tab messages at the bottom.
import type { Decision, JudgedLink, LoadedRule, Surface, SurfaceOrUnknown } from './core/types';
import type { PageInfo, RequestFields, RequestType, Settings, TabFinding, VerdictCounts } from './protocol-schema';
import type { LoosenedBan } from './rules/loosened';
import type { LoadedWatchRule } from './dashboards/watch';

// The request and settings shapes are schemas (src/protocol-schema.ts); their types are inferred from them.
export type { PageInfo, RequestType, Settings, TabFinding, VerdictCounts } from './protocol-schema';
export { MAX_LISTED } from './protocol-schema';
export type LanguageSetting = Settings['language'];

/**
 * The storage.local keys the background builds the configuration from; the popup and options pages watch the same
 * ones to know when their snapshot is stale (src/ui/config-changes.ts).
 */
export const CONFIG_KEYS = [
  'settings',
  'customRules',
  'disabledBuiltIn',
  'surfaceOverrides',
  'managedCache',
  'watchRules',
] as const;

export const DEFAULT_SETTINGS: Settings = { language: 'auto', pausedSites: [], resolveShortLinks: false };

/** A page's host, or null for addresses that have none (about:blank, data:) or are no address at all. */
export function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** Whether cartlint sleeps on this host: the operator paused it there, and no administrator locked it on. */
export function isPaused(settings: Settings, locked: boolean, host: string | null): boolean {
  return !locked && host !== null && settings.pausedSites.includes(host);
}

export const NO_LINKS: Readonly<VerdictCounts> = { banned: 0, review: 0, allowed: 0 };

export interface TabState {
  tabId: number;
  page: PageInfo | null;
  /** Banned and review findings of every frame, each frame's list capped at MAX_LISTED. */
  findings: TabFinding[];
  /** Every judged link of the tab, listed or not. */
  counts: VerdictCounts;
  /** ISO time the verdicts were judged at. */
  at: string | null;
  paused: boolean;
}

/** Everything a content script, popup or options page needs to judge and show. */
export interface ConfigSnapshot {
  rules: LoadedRule[];
  settings: Settings;
  /** Operator's surface choices, keyed by PageInfo.pattern. */
  surfaceOverrides: Record<string, Surface>;
  /** Settings keys an administrator fixed through managed storage; the UI shows them read-only. */
  managedKeys: (keyof Settings)[];
  /** Managed policy "locked": the operator cannot pause cartlint. */
  locked: boolean;
  /** Rule-file problems found at load (broken custom or managed rules); the rules before them stay in force. */
  problems: string[];
  /** Where custom or managed rules in force allow what a built-in rule bans: valid, but never silent. */
  loosened: LoosenedBan[];
  /** Pages taught by watch rules (src/dashboards/watch.ts): the organisation's first, then the operator's. */
  watchRules: LoadedWatchRule[];
}

/** The storage.local key under which the worker keeps its last ConfigSnapshot, for content scripts to judge with
 *  before the worker (slow to wake after a browser start) answers. Only the worker writes it. */
export const SNAPSHOT_KEY = 'configSnapshot';

export interface Ok {
  ok: true;
}

/** What a frame learns of its tab's top page: its address (null when we may not read it: not a dashboard host) and
 *  the surface the top frame last reported, for a frame whose own page cues do not tell. */
export interface FrameTop {
  url: string | null;
  surface: SurfaceOrUnknown;
}

/** One answer per request type, no more, no less: a missing or extra key fails to compile. */
type OnePerRequest<T extends { [K in RequestType]: unknown } & { [K in Exclude<keyof T, RequestType>]: never }> = T;

/** What each request answers, keyed like the requests themselves (REQUESTS in src/protocol-schema.ts). */
type Responses = OnePerRequest<{
  'config/get': ConfigSnapshot;
  'tab/report': Ok;
  'tab/state': TabState;
  'surface/set': Ok;
  'finding/reveal': Ok;
  'settings/set': Settings;
  'rules/import': { added: number; replaced: number };
  'rules/save': Ok;
  'rules/delete': Ok;
  'rules/toggle': Ok;
  'rules/export': { json: string };
  'link/resolve': { target: string | null };
  'watch/save': Ok;
  'watch/delete': Ok;
  'watch/import': { added: number; replaced: number };
  'watch/export': { json: string };
  'picker/start': Ok;
  'watch/picked': Ok;
  'frame/top': FrameTop;
  'frame/gone': Ok;
  'notice/text': { text: string };
}>;

export type Request<K extends RequestType = RequestType> = { [T in K]: { type: T } & RequestFields<T> }[K];
export type ResponseOf<K extends RequestType> = Responses[K];
/** The wire form of every answer: errors travel as data, never as a rejected promise from the other side. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background → content script, sent to a tab. `frames/banned`, to the top frame: the banned links its tab's other
 *  frames reported, for its submit guard (a picker frame's link, confirmed by the console's own button). */
export type TabMessage =
  | { type: 'config/changed' }
  | { type: 'finding/reveal'; findingId: string }
  | { type: 'frames/banned'; banned: JudgedLink[] };

export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; findingId?: unknown; banned?: unknown };
  return (
    m.type === 'config/changed' ||
    (m.type === 'finding/reveal' && typeof m.findingId === 'string') ||
    (m.type === 'frames/banned' && Array.isArray(m.banned))
  );
}

/**
 * Findings as one JSON string, the form they travel and are stored in. Rows judged alike share one decision (the
 * content script memoises them), so decisions go once in a table and findings point into it: the bilingual reasons
 * were most of the bytes.
 */
export function packFindings(findings: readonly TabFinding[]): string {
  const index = new Map<Decision, number>();
  const decisions: Decision[] = [];
  const packed = findings.map(({ decision, ...finding }) => {
    let at = index.get(decision);
    if (at === undefined) {
      at = decisions.push(decision) - 1;
      index.set(decision, at);
    }
    return { ...finding, decision: at };
  });
  return JSON.stringify({ decisions, findings: packed });
}

/** The findings a `packFindings` string stands for, null when it cannot be read. Unchecked: a finding whose decision
 *  is missing comes back without one, for the receiver's shape check to name the field. */
export function unpackFindings(json: string): unknown[] | null {
  let packed: { decisions?: unknown; findings?: unknown };
  try {
    packed = JSON.parse(json) as typeof packed;
  } catch {
    return null;
  }
  if (
    typeof packed !== 'object' ||
    packed === null ||
    !Array.isArray(packed.decisions) ||
    !Array.isArray(packed.findings)
  ) {
    return null;
  }
  const decisions = packed.decisions as unknown[];
  return (packed.findings as unknown[]).map((finding) => {
    if (typeof finding !== 'object' || finding === null) return finding;
    const at = (finding as { decision?: unknown }).decision;
    return { ...finding, decision: typeof at === 'number' ? decisions[at] : undefined };
  });
}

/**
 * The wire form of a request. A report's findings travel packed (`packFindings`): Chrome's messaging converts an
 * object graph value by value (~60 ms in one task for a 2,000-row cart's findings), a string in one piece.
 * `fromWire` on the receiving end gives back the typed request; other requests pass through as they are.
 */
export function toWire(message: unknown): unknown {
  const m = message as { type?: unknown; findings?: unknown } | null;
  if (m === null || typeof m !== 'object' || m.type !== 'tab/report' || !Array.isArray(m.findings)) return message;
  const { findings, ...rest } = m as { findings: TabFinding[] };
  return { ...rest, findingsJson: packFindings(findings) };
}

/** The request a `toWire` message stands for. What cannot be read is left out, for the shape check to name it. */
export function fromWire(message: unknown): unknown {
  const m = message as { type?: unknown; findingsJson?: unknown } | null;
  if (m === null || typeof m !== 'object' || m.type !== 'tab/report' || typeof m.findingsJson !== 'string')
    return message;
  const { findingsJson, ...rest } = m;
  const findings = unpackFindings(findingsJson);
  return findings === null ? rest : { ...rest, findings };
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** The transport, injected so the same client runs on webextension-polyfill and in tests. */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** A typed client: `await client.request({ type: 'tab/state', tabId })`. Rejects with ProtocolError on an error reply. */
export function createClient(sendMessage: SendMessage) {
  return {
    async request<K extends RequestType>(message: Request<K>): Promise<ResponseOf<K>> {
      const reply = (await sendMessage(message)) as Reply<ResponseOf<K>> | undefined;
      if (!reply || typeof reply !== 'object') throw new ProtocolError(`no reply to ${message.type}`);
      if (!reply.ok) throw new ProtocolError(reply.error);
      return reply.value;
    },
  };
}
export type Client = ReturnType<typeof createClient>;

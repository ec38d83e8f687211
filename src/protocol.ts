// How the extension's contexts talk: one discriminated union of every message, and one typed client.
// The background answers runtime messages with one `switch` (src/background/handle.ts); the content
// script answers the two tab messages at the bottom.
import type { Decision, LinkFinding, LoadedRule, Platform, Rule, Surface, SurfaceOrUnknown } from './core/types';

export type LanguageSetting = 'auto' | 'zh' | 'en';

export interface Settings {
  /** UI and notice language: follow the browser, or fixed. */
  language: LanguageSetting;
  /** Hosts ("zs.kwaixiaodian.com") where the operator paused cartlint. */
  pausedSites: string[];
  /** Follow redirects of generic short links (t.cn, dwz.cn, …) to classify their target. Off by default. */
  resolveShortLinks: boolean;
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', pausedSites: [], resolveShortLinks: false };

/** What the content script knows about the page it runs in. */
export interface PageInfo {
  url: string;
  /** Adapter id ("kuaishou-live-helper"), null when no adapter claims the page. */
  adapter: string | null;
  platform: Platform | null;
  surface: SurfaceOrUnknown;
  /** Who said which surface it is: the adapter's page cues, the operator (popup selector), or nobody. */
  surfaceFrom: 'adapter' | 'user' | 'unknown';
  /** Key under which an operator's surface choice is remembered: adapter id + path pattern. */
  pattern: string;
}

/** One judged link in one place of the page. */
export interface TabFinding {
  /** Stable within a page life: identifies the field or row, plus the link's offset. */
  id: string;
  /** Human label of where it was seen: the field's placeholder/label, or "小黄车商品 · row 3". */
  where: string;
  link: LinkFinding;
  decision: Decision;
}

export interface TabState {
  tabId: number;
  page: PageInfo | null;
  findings: TabFinding[];
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
}

export interface Ok {
  ok: true;
}

/** Every request, keyed by `type`: what it carries and what it answers. */
interface Requests {
  'config/get': { req: {}; res: ConfigSnapshot };
  /** Content → background: the findings of the sender's tab (replaces the previous report for that frame). */
  'tab/report': { req: { page: PageInfo; findings: TabFinding[]; at: string }; res: Ok };
  /** Popup → background: a tab's state (the active tab when tabId is omitted). */
  'tab/state': { req: { tabId?: number }; res: TabState };
  'surface/set': { req: { tabId: number; pattern: string; surface: SurfaceOrUnknown }; res: Ok };
  /** Popup → background → content: scroll to a finding's field and flash it. */
  'finding/reveal': { req: { tabId: number; findingId: string }; res: Ok };
  'settings/set': { req: { patch: Partial<Settings> }; res: Settings };
  /** Options: replace-or-add custom rules from a JSON text; all or nothing. */
  'rules/import': { req: { json: string }; res: { added: number; replaced: number } };
  'rules/save': { req: { rule: Rule }; res: Ok };
  'rules/delete': { req: { id: string }; res: Ok };
  'rules/toggle': { req: { id: string; enabled: boolean }; res: Ok };
  'rules/export': { req: {}; res: { json: string } };
  /** Content/popup → background: where a generic short link (t.cn, dwz.cn, …) leads. Null unless the operator
   *  switched the resolver on and granted the link's host; the background never fetches without that opt-in. */
  'link/resolve': { req: { url: string }; res: { target: string | null } };
}

export type RequestType = keyof Requests;
export type Request<K extends RequestType = RequestType> = { [T in K]: { type: T } & Requests[T]['req'] }[K];
export type ResponseOf<K extends RequestType> = Requests[K]['res'];
/** The wire form of every answer: errors travel as data, never as a rejected promise from the other side. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Background → content script, sent to a tab. */
export type TabMessage = { type: 'config/changed' } | { type: 'finding/reveal'; findingId: string };

export const REQUEST_TYPES: readonly RequestType[] = [
  'config/get',
  'tab/report',
  'tab/state',
  'surface/set',
  'finding/reveal',
  'settings/set',
  'rules/import',
  'rules/save',
  'rules/delete',
  'rules/toggle',
  'rules/export',
  'link/resolve',
];

/** Shape check at the receiving end: anything else gets an error reply, never a crash. */
export function isRequest(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (REQUEST_TYPES as readonly string[]).includes((value as { type: string }).type)
  );
}

export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; findingId?: unknown };
  return m.type === 'config/changed' || (m.type === 'finding/reveal' && typeof m.findingId === 'string');
}

/**
 * The wire form of a request. A report's findings travel as one JSON string: Chrome's messaging converts an object
 * graph value by value (~60 ms in one task for a 2,000-row cart's findings), a string in one piece. Rows judged
 * alike share one decision (the content script memoises them), so decisions go once in a table and findings point
 * into it: the bilingual reasons were most of the bytes. `fromWire` on the receiving end gives back the typed
 * request; other requests pass through as they are.
 */
export function toWire(message: unknown): unknown {
  const m = message as { type?: unknown; findings?: unknown } | null;
  if (m === null || typeof m !== 'object' || m.type !== 'tab/report' || !Array.isArray(m.findings)) return message;
  const { findings, ...rest } = m as { findings: TabFinding[] };
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
  return { ...rest, findingsJson: JSON.stringify({ decisions, findings: packed }) };
}

/** The request a `toWire` message stands for. What cannot be read is left out (no findings, or a finding without
 *  its decision), for the shape check to name the field. */
export function fromWire(message: unknown): unknown {
  const m = message as { type?: unknown; findingsJson?: unknown } | null;
  if (m === null || typeof m !== 'object' || m.type !== 'tab/report' || typeof m.findingsJson !== 'string')
    return message;
  const { findingsJson, ...rest } = m;
  let packed: { decisions?: unknown; findings?: unknown };
  try {
    packed = JSON.parse(findingsJson) as typeof packed;
  } catch {
    return rest;
  }
  if (
    typeof packed !== 'object' ||
    packed === null ||
    !Array.isArray(packed.decisions) ||
    !Array.isArray(packed.findings)
  ) {
    return rest;
  }
  const decisions = packed.decisions as unknown[];
  const findings = (packed.findings as unknown[]).map((finding) => {
    if (typeof finding !== 'object' || finding === null) return finding;
    const at = (finding as { decision?: unknown }).decision;
    return { ...finding, decision: typeof at === 'number' ? decisions[at] : undefined };
  });
  return { ...rest, findings };
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

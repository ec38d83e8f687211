// The shapes that cross messaging and storage, written once as valibot schemas: the settings, and every request the
// background answers, keyed by its type. src/protocol.ts infers its types from here (type-only, so the content
// script's bundle carries none of this); the worker checks what arrives with the same schemas.
import * as v from 'valibot';
import { isObject } from './core/guards';
import { LANGS, LINK_KINDS, PLATFORMS, SOURCES, SURFACES, VERDICTS, type Rule } from './core/types';

/**
 * At most this many findings of one frame are listed, banned before review; past it the page is "too many to list"
 * and only counted. Allowed links are never listed, only counted: a 20,000-row cart of the shop's own goods costs
 * three numbers, and the popup shows what needs a decision. Bounds what one report may put into storage.
 */
export const MAX_LISTED = 500;

/** A host as the popup pauses it ("zs.kwaixiaodian.com"). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;

/** Each key on its own: a reader keeps the good keys of a half-broken settings object. */
export const SETTINGS_ENTRIES = {
  /** UI and notice language: follow the browser, or fixed. */
  language: v.picklist(['auto', 'zh', 'en']),
  /** Hosts ("zs.kwaixiaodian.com") where the operator paused cartlint; written as typed, kept in lower case. */
  pausedSites: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(HOST))),
    v.transform((hosts) => [...new Set(hosts)]),
  ),
  /** Follow redirects of generic short links (t.cn, dwz.cn, …) to classify their target. Off by default. */
  resolveShortLinks: v.boolean(),
};
export const SettingsSchema = v.object(SETTINGS_ENTRIES);

const text = v.object({ zh: v.string(), en: v.string() });
const surfaceOrUnknown = v.picklist([...SURFACES, 'unknown']);
const nonEmpty = v.pipe(v.string(), v.minLength(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const tabId = count;

const PageInfoSchema = v.object({
  url: v.string(),
  /** Adapter id ("kuaishou-live-helper"), null when no adapter claims the page. */
  adapter: v.nullable(v.string()),
  platform: v.nullable(v.picklist(PLATFORMS)),
  surface: surfaceOrUnknown,
  /** Who said which surface it is: the adapter's page cues, the operator (popup selector), or nobody. */
  surfaceFrom: v.picklist(['adapter', 'user', 'unknown']),
  /** Key under which an operator's surface choice is remembered: adapter id + path pattern. */
  pattern: v.string(),
  /** How many text fields and list rows cartlint reads on the page (the popup says so, and says when it is none). */
  reads: v.optional(v.object({ fields: count, rows: count })),
});

const LinkFindingSchema = v.object({
  text: v.string(),
  start: v.pipe(v.number(), v.integer()),
  end: v.pipe(v.number(), v.integer()),
  source: v.picklist(SOURCES),
  affiliate: v.nullable(v.boolean()),
  kind: v.picklist(LINK_KINDS),
  evidence: v.string(),
  seller: v.optional(v.picklist(['self-operated', 'marketplace'])),
});

const verdict = v.picklist(VERDICTS);
const DecisionSchema = v.object({
  verdict,
  rule: v.nullable(v.string()),
  reason: text,
  since: v.optional(v.string()),
  upcoming: v.optional(v.object({ rule: v.string(), verdict, from: v.string(), reason: text })),
});

const TabFindingSchema = v.object({
  /** Stable within a page life: identifies the field or row, plus the link's offset. */
  id: nonEmpty,
  /** Human label of where it was seen: the field's placeholder/label, or "小黄车商品 · row 3". */
  where: v.string(),
  link: LinkFindingSchema,
  decision: DecisionSchema,
});

/** How many links of each verdict a page (or tab) holds, listed or not. */
const VerdictCountsSchema = v.object({ banned: count, review: count, allowed: count });

/** Every request's fields, keyed by its `type`; what each answers is written beside it in src/protocol.ts. */
export const REQUESTS = {
  'config/get': v.object({}),
  /** Content → background: the findings of the sender's tab (replaces the previous report for that frame): banned
   *  and review ones listed (at most MAX_LISTED), every verdict counted. */
  'tab/report': v.object({
    page: PageInfoSchema,
    findings: v.pipe(v.array(TabFindingSchema), v.maxLength(MAX_LISTED)),
    counts: VerdictCountsSchema,
    at: v.pipe(
      v.string(),
      v.check((at) => !Number.isNaN(Date.parse(at))),
    ),
  }),
  /** Popup → background: a tab's state (the active tab when tabId is omitted). */
  'tab/state': v.object({ tabId: v.optional(tabId) }),
  'surface/set': v.object({ tabId, pattern: v.pipe(nonEmpty, v.maxLength(1000)), surface: surfaceOrUnknown }),
  /** Popup → background → content: scroll to a finding's field and flash it. */
  'finding/reveal': v.object({ tabId, findingId: nonEmpty }),
  /** An object here; then checked key by key against SETTINGS_ENTRIES, so the refusal can name every bad key. */
  'settings/set': v.object({ patch: v.custom<Partial<Settings>>(isObject) }),
  /** Options: replace-or-add custom rules from a JSON text; all or nothing. */
  'rules/import': v.object({ json: v.string() }),
  /** An object here; then checked by the rule schema, whose errors name each field. */
  'rules/save': v.object({ rule: v.custom<Rule>(isObject) }),
  'rules/delete': v.object({ id: nonEmpty }),
  'rules/toggle': v.object({ id: nonEmpty, enabled: v.boolean() }),
  'rules/export': v.object({}),
  /** Content/popup → background: where a generic short link (t.cn, dwz.cn, …) leads. Null unless the operator
   *  switched the resolver on and granted the link's host; the background never fetches without that opt-in. */
  'link/resolve': v.object({ url: v.pipe(v.string(), v.maxLength(2048)) }),
  /** Options: add or replace one of the operator's watch rules; then checked by src/dashboards/watch.ts. */
  'watch/save': v.object({ rule: v.custom<Record<string, unknown>>(isObject) }),
  'watch/delete': v.object({ id: nonEmpty }),
  /** Options: replace-or-add watch rules from a JSON text; all or nothing. */
  'watch/import': v.object({ json: v.string() }),
  'watch/export': v.object({}),
  /** Popup → background: inject the element picker (picker.js) into the tab's page. */
  'picker/start': v.object({ tabId }),
  /** Content → background: the watch rule the operator just picked, accepted only after a picker/start. */
  'watch/picked': v.object({ rule: v.custom<Record<string, unknown>>(isObject) }),
  /** Content in a cross-origin frame → background: the tab's top page, which the frame cannot read. */
  'frame/top': v.object({}),
  /** Content in a frame → background: the frame's document is going away (removed, navigated); drop its report. */
  'frame/gone': v.object({}),
  /** Content → background: the notice of one flagged link, worded by the worker so the page's script carries none
   *  of the notice's wording (its size budget); the card asks when it opens, before the operator clicks Copy. */
  'notice/text': v.object({
    link: LinkFindingSchema,
    decision: DecisionSchema,
    platform: v.picklist(PLATFORMS),
    surface: surfaceOrUnknown,
    lang: v.picklist(LANGS),
  }),
};

export type RequestType = keyof typeof REQUESTS;
export type RequestFields<K extends RequestType> = v.InferOutput<(typeof REQUESTS)[K]>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type PageInfo = v.InferOutput<typeof PageInfoSchema>;
export type TabFinding = v.InferOutput<typeof TabFindingSchema>;
export type VerdictCounts = v.InferOutput<typeof VerdictCountsSchema>;

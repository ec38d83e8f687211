// Shape checks for what arrives over runtime messaging. `isRequest` only knows the type; these look at the fields,
// so a malformed message is answered with an error naming the field instead of failing deep inside a handler.
import { LINK_KINDS, PLATFORMS, SOURCES, SURFACES, VERDICTS } from '../core/types';
import type { Request } from '../protocol';

type Json = Record<string, unknown>;
/** The first bad field's path, or null when the message is well formed. */
type Check = (message: Json) => string | null;

/** More than a dashboard can show; bounds what one report may put into storage. */
export const MAX_FINDINGS = 5000;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isTabId = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const oneOf = (options: readonly string[], value: unknown) => isString(value) && options.includes(value);
const isText = (value: unknown) => isObject(value) && isString(value.zh) && isString(value.en);

function pageProblem(page: unknown): string | null {
  if (!isObject(page)) return 'page';
  if (!isString(page.url)) return 'page.url';
  if (!(page.adapter === null || isString(page.adapter))) return 'page.adapter';
  if (!(page.platform === null || oneOf(PLATFORMS, page.platform))) return 'page.platform';
  if (!oneOf([...SURFACES, 'unknown'], page.surface)) return 'page.surface';
  if (!oneOf(['adapter', 'user', 'unknown'], page.surfaceFrom)) return 'page.surfaceFrom';
  if (!isString(page.pattern)) return 'page.pattern';
  return null;
}

function findingProblem(finding: unknown, at: string): string | null {
  if (!isObject(finding)) return at;
  if (!isString(finding.id) || finding.id === '') return `${at}.id`;
  if (!isString(finding.where)) return `${at}.where`;
  const link = finding.link;
  if (!isObject(link)) return `${at}.link`;
  if (!isString(link.text)) return `${at}.link.text`;
  if (!Number.isInteger(link.start) || !Number.isInteger(link.end)) return `${at}.link.start`;
  if (!oneOf(SOURCES, link.source)) return `${at}.link.source`;
  if (!(link.affiliate === null || typeof link.affiliate === 'boolean')) return `${at}.link.affiliate`;
  if (!oneOf(LINK_KINDS, link.kind)) return `${at}.link.kind`;
  if (!isString(link.evidence)) return `${at}.link.evidence`;
  const decision = finding.decision;
  if (!isObject(decision)) return `${at}.decision`;
  if (!oneOf(VERDICTS, decision.verdict)) return `${at}.decision.verdict`;
  if (!(decision.rule === null || isString(decision.rule))) return `${at}.decision.rule`;
  if (!isText(decision.reason)) return `${at}.decision.reason`;
  return null;
}

const none: Check = () => null;
const idField: Check = (m) => (isString(m.id) && m.id !== '' ? null : 'id');

const CHECKS: { [K in Request['type']]: Check } = {
  'config/get': none,
  'tab/report': (m) => {
    const page = pageProblem(m.page);
    if (page) return page;
    if (!Array.isArray(m.findings) || m.findings.length > MAX_FINDINGS) return 'findings';
    for (let i = 0; i < m.findings.length; i++) {
      const problem = findingProblem(m.findings[i], `findings[${i}]`);
      if (problem) return problem;
    }
    return isString(m.at) && !Number.isNaN(Date.parse(m.at)) ? null : 'at';
  },
  'tab/state': (m) => (m.tabId === undefined || isTabId(m.tabId) ? null : 'tabId'),
  'surface/set': (m) => {
    if (!isTabId(m.tabId)) return 'tabId';
    if (!isString(m.pattern) || m.pattern === '' || m.pattern.length > 1000) return 'pattern';
    return oneOf([...SURFACES, 'unknown'], m.surface) ? null : 'surface';
  },
  'finding/reveal': (m) =>
    !isTabId(m.tabId) ? 'tabId' : isString(m.findingId) && m.findingId !== '' ? null : 'findingId',
  'settings/set': (m) => (isObject(m.patch) ? null : 'patch'),
  'rules/import': (m) => (isString(m.json) ? null : 'json'),
  'rules/save': (m) => (isObject(m.rule) ? null : 'rule'),
  'rules/delete': idField,
  'rules/toggle': (m) => idField(m) ?? (typeof m.enabled === 'boolean' ? null : 'enabled'),
  'rules/export': none,
  'link/resolve': (m) => (isString(m.url) && m.url.length <= 2048 ? null : 'url'),
};

/** The bad field of a message whose type is known, or null. */
export function requestProblem(request: Request): string | null {
  return CHECKS[request.type](request as unknown as Json);
}

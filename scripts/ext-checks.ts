// Checks on a built extension folder that web-ext lint does not make (or makes only for Firefox): each returns
// human-readable problems, empty when fine. Used by scripts/build.ts (fail the build early) and
// scripts/lint-extension.ts (npm run lint:ext).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { isEveryHostPattern } from '../src/host-access';
import { referencedFiles } from './manifest';

type Json = Record<string, unknown>;

/**
 * Background (Chrome's service worker is registered without type "module") and content scripts run as classic
 * scripts: a static import/export or import.meta is a syntax error there, a dynamic import() a runtime surprise.
 * Compiling with vm.Script is the browser's own rule, not a guess from text.
 */
export function classicScriptProblems(code: string, file: string): string[] {
  const problems: string[] = [];
  try {
    new Script(code, { filename: file });
  } catch (error) {
    problems.push(`${file}: not a classic script (${(error as Error).message})`);
  }
  if (/(?:^|[^.\w$])import\s*\(/.test(code)) problems.push(`${file}: contains a dynamic import()`);
  return problems;
}

/** Files the manifest names that the folder lacks. */
export function missingFiles(manifest: Json, dir: string): string[] {
  return referencedFiles(manifest)
    .filter((file) => !existsSync(join(dir, file)))
    .map((file) => `manifest.json names ${file}, which is not in the build`);
}

/** `src`/`href` of script and link tags: remote code is forbidden in MV3, and a local one must exist. */
export function htmlProblems(html: string, file: string, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const url = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (url === undefined) continue;
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) problems.push(`${file}: remote or non-file URL ${url}`);
    else if (url.startsWith('/')) problems.push(`${file}: absolute path ${url} (pages need relative URLs)`);
    else if (!exists(url.replace(/^\.\//, '').replace(/[?#].*$/, '')))
      problems.push(`${file}: ${url} is not in the build`);
  }
  if (/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html))
    problems.push(`${file}: inline script (blocked by the MV3 CSP)`);
  return problems;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Host access is exactly the dashboards the content script runs on, nothing broader. A pattern for every site is
 * allowed only as an optional host permission, never `<all_urls>`: the browser grants it one origin at a time,
 * when the operator asks for that page in a click (a watch rule on a host of their own).
 */
export function permissionProblems(manifest: Json): string[] {
  const problems: string[] = [];
  const scripts = (manifest.content_scripts ?? []) as Json[];
  const matches = new Set(scripts.flatMap((script) => strings(script.matches)));
  const hosts = new Set(strings(manifest.host_permissions));
  for (const host of hosts)
    if (!matches.has(host)) problems.push(`host_permissions has ${host}, which no content script matches`);
  for (const match of matches)
    if (!hosts.has(match)) problems.push(`content script matches ${match} without host_permissions for it`);
  const required = [...strings(manifest.permissions), ...hosts, ...matches];
  for (const pattern of required.filter(isEveryHostPattern)) problems.push(`${pattern} grants every site`);
  for (const pattern of strings(manifest.optional_host_permissions)) {
    if (pattern === '<all_urls>') problems.push(`optional ${pattern} grants every site and scheme`);
  }
  return problems;
}

/** `__MSG_key__` references (predefined `@@` messages never match `\w`) in `texts` (manifest, pages, CSS), checked against every locale; keys ignore case. */
export function localeProblems(texts: Record<string, string>, locales: Record<string, Json>): string[] {
  const problems: string[] = [];
  const known = Object.fromEntries(
    Object.entries(locales).map(([locale, messages]) => [
      locale,
      new Set(Object.keys(messages).map((k) => k.toLowerCase())),
    ]),
  );
  for (const [file, text] of Object.entries(texts)) {
    for (const [, key] of text.matchAll(/__MSG_(\w+?)__/g)) {
      for (const [locale, keys] of Object.entries(known)) {
        if (!keys.has(key!.toLowerCase())) problems.push(`${file}: __MSG_${key}__ missing from _locales/${locale}`);
      }
    }
  }
  return problems;
}

/** Every locale shipped in a built folder, by folder name (en, zh_CN). */
export function readLocales(dir: string): Record<string, Json> {
  const root = join(dir, '_locales');
  return Object.fromEntries(
    readdirSync(root).map((name) => [
      name,
      JSON.parse(readFileSync(join(root, name, 'messages.json'), 'utf8')) as Json,
    ]),
  );
}

const SCHEMA_TYPES = new Set(['boolean', 'integer', 'number', 'string', 'array', 'object']);

/**
 * Chrome refuses to load an extension whose storage.managed_schema it cannot parse: the root must be an object
 * schema, every node needs one of Chrome's types (or a $ref to an id defined in the file), arrays need items.
 */
export function managedSchemaProblems(schema: unknown): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const refs: [string, string][] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node))
      return void problems.push(`${at}: not a schema object`);
    const n = node as Json;
    if (typeof n.id === 'string') ids.add(n.id);
    if (typeof n.$ref === 'string') return void refs.push([n.$ref, at]);
    if (typeof n.type !== 'string' || !SCHEMA_TYPES.has(n.type))
      return void problems.push(`${at}: type ${JSON.stringify(n.type)} is not one Chrome knows`);
    if (n.type === 'array')
      n.items === undefined ? problems.push(`${at}: array without items`) : visit(n.items, `${at}.items`);
    if (n.type === 'object') {
      for (const [key, child] of Object.entries((n.properties ?? {}) as Json)) visit(child, `${at}.properties.${key}`);
      if (typeof n.additionalProperties === 'object') visit(n.additionalProperties, `${at}.additionalProperties`);
    }
  };
  visit(schema, 'managed_schema');
  if (typeof schema === 'object' && schema !== null && (schema as Json).type !== 'object')
    problems.push('managed_schema: the root must be of type object');
  for (const [ref, at] of refs) if (!ids.has(ref)) problems.push(`${at}: $ref ${ref} names no id in the schema`);
  return problems;
}

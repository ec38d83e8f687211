import { describe, expect, it } from 'vitest';
import {
  classicScriptProblems,
  htmlProblems,
  localeProblems,
  managedSchemaProblems,
  permissionProblems,
} from './ext-checks';

describe('classic scripts', () => {
  it('accepts an IIFE and rejects module syntax and dynamic import', () => {
    expect(classicScriptProblems('(function(){var a=1;console.log(a)})();', 'content.js')).toEqual([]);
    expect(classicScriptProblems('import a from "./a.js";a();', 'content.js')[0]).toMatch(
      /content\.js: not a classic script/,
    );
    expect(classicScriptProblems('export const a=1;', 'background.js')).toHaveLength(1);
    expect(classicScriptProblems('console.log(import.meta.url)', 'background.js')).toHaveLength(1);
    expect(classicScriptProblems('(()=>import("./x.js"))()', 'content.js')).toEqual([
      'content.js: contains a dynamic import()',
    ]);
    expect(classicScriptProblems('a.import(1)', 'content.js')).toEqual([]);
  });
});

describe('pages', () => {
  const exists = (path: string) => ['assets/popup.js', 'assets/popup.css'].includes(path);

  it('accepts relative local scripts and styles that exist', () => {
    const html =
      '<script type="module" crossorigin src="./assets/popup.js"></script><link rel="stylesheet" href="./assets/popup.css">';
    expect(htmlProblems(html, 'popup.html', exists)).toEqual([]);
  });

  it('rejects remote code, absolute paths, missing files and inline scripts', () => {
    const html = [
      '<script src="https://cdn.example.com/x.js"></script>',
      '<script src="//cdn.example.com/y.js"></script>',
      '<link rel="stylesheet" href="/assets/popup.css">',
      '<script src="./assets/gone.js"></script>',
      '<script>alert(1)</script>',
    ].join('');
    const problems = htmlProblems(html, 'popup.html', exists);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/remote or non-file URL https:\/\/cdn/);
    expect(problems.join('\n')).toMatch(/inline script/);
  });
});

describe('permissions', () => {
  const base = {
    host_permissions: ['https://s.kwaixiaodian.com/*'],
    content_scripts: [{ matches: ['https://s.kwaixiaodian.com/*'], js: ['content.js'] }],
    optional_host_permissions: ['*://t.cn/*'],
  };

  it('accepts host access equal to the content script matches', () => {
    expect(permissionProblems(base)).toEqual([]);
  });

  it('rejects extra hosts and unpermitted matches', () => {
    expect(
      permissionProblems({ ...base, host_permissions: [...base.host_permissions, 'https://x.com/*'] }),
    ).toHaveLength(1);
    expect(permissionProblems({ ...base, host_permissions: [] })).toHaveLength(1);
  });

  it('allows every http(s) host only as an optional host permission', () => {
    const optional = ['https://*/*', 'http://*/*', '*://*/*', '*://t.cn/*'];
    expect(permissionProblems({ ...base, optional_host_permissions: optional })).toEqual([]);
    expect(permissionProblems({ ...base, optional_host_permissions: ['<all_urls>'] })).toEqual([
      'optional <all_urls> grants every site and scheme',
    ]);
    const everywhere = ['https://*/*'];
    expect(
      permissionProblems({
        ...base,
        host_permissions: [...base.host_permissions, ...everywhere],
        content_scripts: [{ matches: [...base.host_permissions, ...everywhere], js: ['content.js'] }],
      }),
    ).toEqual(['https://*/* grants every site', 'https://*/* grants every site']);
    expect(permissionProblems({ ...base, permissions: ['storage', '<all_urls>'] })).toEqual([
      '<all_urls> grants every site',
    ]);
  });
});

describe('locale keys', () => {
  it('needs every __MSG_ key in every locale, ignoring case as browsers do', () => {
    const locales = { en: { extName: {}, extShort: {} }, zh_CN: { extname: {} } };
    const problems = localeProblems(
      { 'manifest.json': '{"name":"__MSG_extName__","short":"__MSG_extShort__"}' },
      locales,
    );
    expect(problems).toEqual(['manifest.json: __MSG_extShort__ missing from _locales/zh_CN']);
    expect(localeProblems({ 'a.css': 'url(__MSG_@@extension_id__)' }, locales)).toEqual([]);
  });
});

describe('managed storage schema', () => {
  it('accepts the shipped schema', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(
      readFileSync(new URL('../public/managed_schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(managedSchemaProblems(schema)).toEqual([]);
  });

  it('rejects what Chrome cannot load', () => {
    expect(managedSchemaProblems({ type: 'array', items: { type: 'string' } })).toEqual([
      'managed_schema: the root must be of type object',
    ]);
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'list' },
        b: { type: 'array' },
        c: { $ref: 'Missing' },
        d: { type: 'array', items: { id: 'Rule', type: 'object', properties: { e: { type: 'string' } } } },
        f: { $ref: 'Rule' },
      },
    };
    expect(managedSchemaProblems(schema)).toEqual([
      'managed_schema.properties.a: type "list" is not one Chrome knows',
      'managed_schema.properties.b: array without items',
      'managed_schema.properties.c: $ref Missing names no id in the schema',
    ]);
  });
});

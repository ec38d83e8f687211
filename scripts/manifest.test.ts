import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestFor, referencedFiles } from './manifest';
import { DASHBOARD_MATCHES } from '../src/dashboards';

const source = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
// biome-ignore lint/suspicious/noExplicitAny: a manifest is read field by field in these assertions
const chrome = manifestFor(source, 'chrome', '1.2.3') as Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
const firefox = manifestFor(source, 'firefox', '1.2.3') as Record<string, any>;

describe('manifestFor', () => {
  it('gives Chrome a service worker, its minimum version and the managed-storage schema', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.minimum_chrome_version).toBe('102');
    expect(chrome.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox an event page, the fixed gecko id and the data-collection declaration', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    // Desktop 140 (the ESR Debian ships) is the first to know data_collection_permissions; Android needs 142.
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'cartlint@cartlint.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.storage).toBeUndefined();
  });

  it('leaves no browser prefix behind and takes the version it is given', () => {
    for (const manifest of [chrome, firefox]) {
      expect(JSON.stringify(manifest)).not.toContain('{{');
      expect(manifest.version).toBe('1.2.3');
      expect(manifest.manifest_version).toBe(3);
    }
  });

  it('injects the content script exactly where it asks for host access, also in the dashboards’ own frames', () => {
    const [script, ...others] = chrome.content_scripts;
    expect(others).toEqual([]);
    expect(script.matches).toEqual(chrome.host_permissions);
    // Frames on dashboard hosts only (a goods picker from a sibling host); about:blank and srcdoc frames are the
    // parent's own origin, read by the parent's scan (src/content/page/roots.ts), so no match_about_blank.
    expect(script.all_frames).toBe(true);
    expect(script.match_about_blank).toBeUndefined();
    expect(script.match_origin_as_fallback).toBeUndefined();
    expect(script.run_at).toBe('document_idle');
    // activeTab: the toolbar popup learns the active tab's address, to ask for that one site (no install warning).
    expect(chrome.permissions).toEqual(['storage', 'clipboardWrite', 'scripting', 'activeTab']);
    for (const pattern of chrome.host_permissions) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('rejects an unknown browser prefix and a prefixed key that shadows a plain one', () => {
    expect(() => manifestFor({ '{{safari}}.x': 1 }, 'chrome', '1')).toThrow(/unknown browser prefix/);
    expect(() => manifestFor({ x: 1, '{{chrome}}.x': 2 }, 'chrome', '1')).toThrow(/collides/);
  });

  it('specialises nested keys too', () => {
    expect(manifestFor({ a: { '{{firefox}}.b': 1, c: 2 } }, 'chrome', '1')).toMatchObject({ a: { c: 2 } });
    expect(manifestFor({ a: { '{{firefox}}.b': 1 } }, 'firefox', '1')).toMatchObject({ a: { b: 1 } });
  });
});

describe('referencedFiles', () => {
  it('lists every file a browser will load from the manifest', () => {
    expect(referencedFiles(chrome).sort()).toEqual(
      [
        'icons/icon-16.png',
        'icons/icon-32.png',
        'icons/icon-48.png',
        'icons/icon-128.png',
        'popup.html',
        'options.html',
        'background.js',
        'content.js',
        'managed_schema.json',
        '_locales/en/messages.json',
      ].sort(),
    );
    expect(referencedFiles(firefox)).not.toContain('managed_schema.json');
  });
});

describe('the manifest and the adapters', () => {
  it('runs the content script, and asks host access, on exactly the hosts the adapters watch', () => {
    const matches = (source.content_scripts as Array<{ matches: string[] }>).flatMap((entry) => entry.matches);
    expect([...matches].sort()).toEqual([...DASHBOARD_MATCHES].sort());
    expect([...(source.host_permissions as string[])].sort()).toEqual([...DASHBOARD_MATCHES].sort());
  });
});

// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
// Every adapter has a fixture page at a URL it claims, and reads the surface from that page's cues.
import { existsSync, readdirSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SurfaceOrUnknown } from '../core/types';
import { pageCues } from '../content/page/cues';
import { collectRoots } from '../content/page/roots';
import { fixtureHtml, fixtureUrl, loadFixture } from '../../test/support/dom';
import { ADAPTERS, adapterFor } from './index';

const EXPECTED: Record<string, SurfaceOrUnknown> = {
  'douyin-buyin-live': 'live-cart',
  'douyin-fxg-live': 'live-cart',
  'douyin-buyin-pending-goods': 'live-cart',
  'douyin-creator-publish': 'video-cart',
  'kuaishou-live-helper': 'live-cart',
  'kuaishou-cps-promoter': 'unknown',
  'kuaishou-merchant-goods': 'product-detail',
  'kuaishou-cp-publish': 'video-cart',
  'xiaohongshu-ark-note': 'note',
  'xiaohongshu-creator-publish': 'note',
  'xiaohongshu-ark-live': 'live-cart',
  'weixin-channels-live': 'live-cart',
  'weixin-channels-post': 'video-cart',
  'weixin-store-talent': 'showcase',
};

const surfaceNow = (id: string) => {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  return adapter.surface(pageCues(collectRoots(document), location.pathname));
};

describe('adapters and their fixture pages', () => {
  it('lists every adapter file and expects a surface for each', () => {
    const dir = fileURLToPath(new NodeURL('.', import.meta.url));
    const files = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !/^(index|define|watch|watch-schema)\.ts$|\.test\.ts$/.test(f),
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });

  for (const adapter of ADAPTERS) {
    describe(adapter.id, () => {
      it('has a fixture page whose real URL the adapter claims', () => {
        expect(
          existsSync(fileURLToPath(new NodeURL(`../../test/fixtures/pages/${adapter.id}.html`, import.meta.url))),
        ).toBe(true);
        expect(adapterFor(fixtureUrl(fixtureHtml(adapter.id)))?.adapter.id).toBe(adapter.id);
      });

      it(`reads "${EXPECTED[adapter.id]}" from the page's cues`, () => {
        loadFixture(adapter.id);
        expect(surfaceNow(adapter.id)).toBe(EXPECTED[adapter.id]);
      });

      it('has the field, the submit controls and the route button the e2e tests use', () => {
        loadFixture(adapter.id, { demo: true });
        const roots = collectRoots(document);
        const field = roots.map((root) => root.querySelector('[data-fixture-field]')).find(Boolean);
        expect(field).toBeTruthy();
        const labels = roots.flatMap((root) =>
          Array.from(root.querySelectorAll('[data-submit]'), (b) => b.textContent!.trim()),
        );
        expect(labels.some((label) => adapter.submitLabels.includes(label))).toBe(true);
        expect(document.getElementById('route-change')).not.toBeNull();
        expect(document.getElementById('submit-log')).not.toBeNull();
      });
    });
  }

  it('says unknown on an empty page of a cue-reading adapter', () => {
    document.body.replaceChildren();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://zs.kwaixiaodian.com/page/helper',
    );
    expect(surfaceNow('kuaishou-live-helper')).toBe('unknown');
    expect(surfaceNow('douyin-creator-publish')).toBe('unknown');
  });

  it('claims no page off its hosts and paths', () => {
    expect(adapterFor('https://zs.kwaixiaodian.com/other')).toBeNull();
    expect(adapterFor('https://example.com/page/helper')).toBeNull();
    expect(adapterFor('http://zs.kwaixiaodian.com/page/helper')).toBeNull();
  });
});

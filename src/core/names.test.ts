import { describe, expect, it } from 'vitest';
import { LANGS, PLATFORMS, SOURCES, SURFACES, VERDICTS } from './types';
import { platformName, sourceName, surfaceName, verdictName } from './names';

describe('display names', () => {
  it('names every platform, surface, source and verdict in both languages', () => {
    for (const lang of LANGS) {
      for (const id of PLATFORMS) expect(platformName(lang, id), id).toBeTruthy();
      for (const id of [...SURFACES, 'unknown' as const]) expect(surfaceName(lang, id), id).toBeTruthy();
      for (const id of SOURCES) expect(sourceName(lang, id), id).toBeTruthy();
      for (const id of VERDICTS) expect(verdictName(lang, id), id).toBeTruthy();
    }
    expect(surfaceName('en', 'product-detail')).toBe('product detail page');
    expect(platformName('zh', 'taobao-live')).toBe('淘宝直播');
  });
});

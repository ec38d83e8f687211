// 快分销 达人选品中心 → 货架: the promoter's shelf, which feeds both the live cart (小黄车) and short-video carts.
// The page cannot tell which one a good will go to, so the surface stays 'unknown' (judged over every Kuaishou
// surface) until the operator picks one in the popup.
// Test URL: https://cps.kwaixiaodian.com/pc/promoter/selection-center/home
import { defineAdapter } from './define';

export default defineAdapter({
  id: 'kuaishou-cps-promoter',
  platform: 'kuaishou',
  host: 'cps.kwaixiaodian.com',
  paths: ['/pc/promoter/'],
  surface: () => 'unknown',
  // GUESS: shelf cards; only the add-to-shelf API is known, not the markup.
  rowSelectors: ['[class^="goods-card"]', '[class^="shelf-item"]'],
  submitLabels: ['加货架', '加入货架', '确定'],
});

// 巨量百应 直播中控台: 添加商品 → tab 商品链接 → paste into the DIV #shop-window-url-edit → 识别链接 → 确认添加.
// Test URL: https://buyin.jinritemai.com/dashboard/live/control
import { defineAdapter, surfaceWhen } from './define';

/** The console is shared with 抖店 (fxg), which embeds the same page. */
export const BUYIN_LIVE_CONSOLE = {
  platform: 'douyin',
  surface: surfaceWhen('live-cart', {
    has: ['#shop-window-url-edit', '#live-control-goods-list-container', '[class^="goodsPanel"]'],
    says: ['商品链接', '添加商品', '直播商品', '购物车'],
  }),
  // The paste box is a DIV; whether it carries contenteditable is not known, so it is named explicitly.
  fieldSelectors: ['#shop-window-url-edit'],
  rowSelectors: ['div[class^="goodsItem"]', '[class^="index__fail"]', '[class^="productCardContainer"]'],
  // 下一步 replaces 确认添加 for 渠道品库存.
  submitLabels: ['识别链接', '确认添加', '下一步'],
} as const;

export default defineAdapter({
  id: 'douyin-buyin-live',
  host: 'buyin.jinritemai.com',
  paths: ['/dashboard/live/'],
  ...BUYIN_LIVE_CONSOLE,
});

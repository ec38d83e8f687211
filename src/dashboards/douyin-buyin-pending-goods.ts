// 巨量百应 待上架商品: the pre-live goods plan; its create page has the same paste → 识别链接 → confirm flow.
// Test URL: https://buyin.jinritemai.com/dashboard/pending-goods/create
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'douyin-buyin-pending-goods',
  platform: 'douyin',
  host: 'buyin.jinritemai.com',
  paths: ['/dashboard/pending-goods/'],
  // The goods wait here for the live cart; nothing else is put on them.
  surface: surfaceWhen('live-cart', { has: ['#shop-window-url-edit'], says: ['待上架商品', '商品链接', '导入货盘'] }),
  fieldSelectors: ['#shop-window-url-edit'],
  rowSelectors: ['div[class^="goodsItem"]', '[class^="index__fail"]', '[class^="index-module__goodsItem"]'],
  submitLabels: ['识别链接', '确认添加', '下一步', '发布'],
});

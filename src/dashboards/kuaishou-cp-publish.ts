// 快手创作者服务平台 发布作品: 作者服务 → 关联商品 (a combobox of the account's 货架 goods) = the short-video cart.
// Test URL: https://cp.kuaishou.com/article/publish/video?tabType=1
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'kuaishou-cp-publish',
  platform: 'kuaishou',
  host: 'cp.kuaishou.com',
  paths: ['/article/publish/'],
  surface: surfaceWhen('video-cart', { says: ['关联商品', '作者服务'] }),
  // The dropdown's goods; only ARIA roles are stable here.
  rowSelectors: ['[role="listbox"] [role="option"]'],
  submitLabels: ['发布'],
});

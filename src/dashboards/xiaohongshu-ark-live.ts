// 千帆 直播中控台: the live-room goods table (讲解 / 结束讲解 per row). How goods are added is not known (GUESS: store goods).
// Test URL: https://ark.xiaohongshu.com/live_center_control
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'xiaohongshu-ark-live',
  platform: 'xiaohongshu',
  host: 'ark.xiaohongshu.com',
  paths: ['/live_center_control'],
  surface: surfaceWhen('live-cart', { has: ['.goods-list'], says: ['直播中控台', '直播商品', '添加商品'] }),
  rowSelectors: ['.goods-list .table-wrap table tbody tr'],
  submitLabels: ['添加商品', '上架', '确定'],
});

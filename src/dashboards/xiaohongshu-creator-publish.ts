// 小红书创作服务平台 发布笔记: title, body and the 店内商品 picker (.media-commodity, .good-card-container).
// Test URL: https://creator.xiaohongshu.com/publish/publish?from=homepage&target=video
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'xiaohongshu-creator-publish',
  platform: 'xiaohongshu',
  host: 'creator.xiaohongshu.com',
  paths: ['/publish/'],
  surface: surfaceWhen('note', { has: ['.media-commodity'], says: ['发布笔记', '店内商品'] }),
  rowSelectors: ['.good-card-container'],
  submitLabels: ['发布', '保存'],
});

// 小红书创作服务平台 发布笔记: title, body and the 店内商品 picker (.media-commodity, .good-card-container).
// Test URL: https://creator.xiaohongshu.com/publish/publish?from=homepage&target=video
import { defineAdapter } from './define';

export default defineAdapter({
  id: 'xiaohongshu-creator-publish',
  platform: 'xiaohongshu',
  host: 'creator.xiaohongshu.com',
  paths: ['/publish/'],
  surface: (page) => (page.has('.media-commodity') || page.says(['发布笔记', '店内商品']) ? 'note' : 'unknown'),
  rowSelectors: ['.good-card-container'],
  submitLabels: ['发布', '保存'],
});

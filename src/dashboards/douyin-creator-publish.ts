// creator.douyin.com 发布视频: 添加标签 → 购物车 → input[placeholder="粘贴商品链接"] → 添加链接 → 编辑商品 modal → 完成编辑.
// Test URLs: https://creator.douyin.com/creator-micro/content/publish?enter_from=publish_page
//            https://creator.douyin.com/creator-micro/content/post/video?enter_from=publish_page
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'douyin-creator-publish',
  platform: 'douyin',
  host: 'creator.douyin.com',
  paths: ['/creator-micro/content/publish', '/creator-micro/content/post/'],
  surface: surfaceWhen('video-cart', {
    has: ['input[placeholder="粘贴商品链接"]'],
    says: ['购物车', '添加链接', '编辑商品'],
  }),
  rowSelectors: [],
  submitLabels: ['添加链接', '完成编辑', '发布'],
});

// 视频号助手 发表动态: the form lives in the open shadow root of <wujie-app>. Goods on a post = the short-video cart,
// but no product field was ever seen there, so the cue is the page showing one.
// Test URL: https://channels.weixin.qq.com/platform/post/create
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'weixin-channels-post',
  platform: 'weixin',
  host: 'channels.weixin.qq.com',
  paths: ['/platform/post/'],
  surface: surfaceWhen('video-cart', { says: ['添加商品', '商品链接', '带货商品'] }),
  rowSelectors: [],
  submitLabels: ['发表'],
});

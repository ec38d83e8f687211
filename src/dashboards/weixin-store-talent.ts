// 微信小店 带货助手 (达人): 橱窗 and 选品 pages, a micro-app rendered in an open shadow root.
// Test URLs: https://store.weixin.qq.com/talent/channel/window, …/talent/pool/home
import { defineAdapter } from './define';

export default defineAdapter({
  id: 'weixin-store-talent',
  platform: 'weixin',
  host: 'store.weixin.qq.com',
  paths: ['/talent/'],
  surface: (page) =>
    page.path.startsWith('/talent/channel/window') || page.says(['橱窗', '加入橱窗', '我的橱窗'])
      ? 'showcase'
      : 'unknown',
  // GUESS: product cards of the window / pool; the micro-app's markup is not known.
  rowSelectors: ['[class*="product-item"]', '[class*="goods-item"]'],
  submitLabels: ['加入橱窗', '添加到橱窗', '确定'],
});

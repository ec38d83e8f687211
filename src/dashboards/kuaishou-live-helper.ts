// 快手小店 直播助手 (中控台): tabs 小黄车商品 / 待上车商品, goods go on the cart with 上车; an 添加商品 dialog takes links.
// Test URL: https://zs.kwaixiaodian.com/page/helper
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'kuaishou-live-helper',
  platform: 'kuaishou',
  host: 'zs.kwaixiaodian.com',
  paths: ['/page/helper'],
  surface: surfaceWhen('live-cart', { says: ['小黄车商品', '待上车商品', '小黄车'] }),
  // react-virtuoso list rows; class names carry CSS-module hashes.
  rowSelectors: ['[class^="list-container"] [class^="list-item"]'],
  submitLabels: ['上车', '确认添加', '添加', '确定'],
});

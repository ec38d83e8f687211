// 视频号助手 直播: the console renders inside a same-origin wujie iframe (.wujie_iframe); goods table rows per item.
// Test URLs: https://channels.weixin.qq.com/platform/live/liveBuild, …/platform/live/commodity/onsale/index
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'weixin-channels-live',
  platform: 'weixin',
  host: 'channels.weixin.qq.com',
  paths: ['/platform/live/'],
  surface: surfaceWhen('live-cart', { has: ['.commodity-list-wrap'], says: ['直播商品', '上架商品', '添加商品'] }),
  rowSelectors: ['.commodity-list-wrap .table-body-wrap div.table-row-wrap'],
  submitLabels: ['上架', '添加', '确定'],
});

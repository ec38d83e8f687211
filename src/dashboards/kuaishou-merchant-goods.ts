// 快手小店商家后台: the merchant's own product forms (发布商品 / 编辑商品); text fields end up on the 商详页.
// Test URL: https://s.kwaixiaodian.com/zone/goods/config/release/add
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'kuaishou-merchant-goods',
  platform: 'kuaishou',
  host: 's.kwaixiaodian.com',
  paths: ['/zone/goods/'],
  surface: surfaceWhen('product-detail', {
    has: ['#BaseInfo'],
    says: ['发布商品', '编辑商品', '商品详情', '商品信息'],
  }),
  rowSelectors: [],
  submitLabels: ['发布商品', '提交', '保存'],
});

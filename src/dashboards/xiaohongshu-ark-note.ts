// 千帆 商品笔记: pick own-store goods (.cell-note-item) → 去发笔记 → the note editor (#post-textarea).
// Test URL: https://ark.xiaohongshu.com/app-note/publish
import { defineAdapter, surfaceWhen } from './define';

export default defineAdapter({
  id: 'xiaohongshu-ark-note',
  platform: 'xiaohongshu',
  host: 'ark.xiaohongshu.com',
  paths: ['/app-note/publish'],
  surface: surfaceWhen('note', { has: ['#post-textarea'], says: ['发布笔记', '去发笔记', '商品笔记'] }),
  rowSelectors: ['.cell-note-item'],
  submitLabels: ['发布', '发布笔记'],
});

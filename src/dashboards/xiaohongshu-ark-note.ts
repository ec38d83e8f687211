// 千帆 商品笔记: pick own-store goods (.cell-note-item) → 去发笔记 → the note editor (#post-textarea).
// Test URL: https://ark.xiaohongshu.com/app-note/publish
import { defineAdapter } from './define';

export default defineAdapter({
  id: 'xiaohongshu-ark-note',
  platform: 'xiaohongshu',
  host: 'ark.xiaohongshu.com',
  paths: ['/app-note/publish'],
  surface: (page) =>
    page.has('#post-textarea') || page.says(['发布笔记', '去发笔记', '商品笔记']) ? 'note' : 'unknown',
  rowSelectors: ['.cell-note-item'],
  submitLabels: ['发布', '发布笔记'],
});

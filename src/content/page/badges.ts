// Source badges: the small 淘宝 / 京东 / 有赞 labels a goods list prints beside a product. They say where a product
// comes from when the row holds no link, so the page scanner turns them into findings of kind 'badge'.
import type { LinkFinding, Source } from '../../core/types';

const BADGE_SOURCES: ReadonlyMap<string, Source> = new Map([
  ['淘宝', 'taobao'],
  ['淘宝联盟', 'taobao'],
  ['天猫', 'tmall'],
  ['京东', 'jd'],
  ['京东联盟', 'jd'],
  ['拼多多', 'pinduoduo'],
  ['多多进宝', 'pinduoduo'],
  ['1688', '1688'],
  ['有赞', 'youzan'],
  ['魔筷', 'mokuai'],
  ['魔筷星选', 'mokuai'],
  ['唯品会', 'vipshop'],
  ['苏宁', 'suning'],
  ['考拉', 'kaola'],
  ['当当', 'dangdang'],
  ['快手小店', 'kuaishou'],
  ['抖音小店', 'douyin'],
  ['抖店', 'douyin'],
  ['小红书', 'xiaohongshu'],
  ['微信小店', 'weixin'],
]);

const AFFILIATE_BADGES = new Set(['淘宝联盟', '京东联盟', '多多进宝']);

/** Cheap pre-check on a row's text: no badge word, no walk. */
const ANY_BADGE = new RegExp([...BADGE_SOURCES.keys()].join('|'));

/** A badge is a short leaf label; a product title that mentions 淘宝 is not one. Walks text nodes, not elements:
 *  in a 2,000-row list that is the cheaper way to reach the few leaves that could be badges. */
export function findBadges(row: Element, rowText: string): LinkFinding[] {
  if (!ANY_BADGE.test(rowText)) return [];
  const found: LinkFinding[] = [];
  let from = 0;
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const label = (node as Text).data.trim();
    if (!BADGE_SOURCES.has(label)) continue;
    const leaf = node.parentElement;
    if (!leaf || leaf === row || leaf.childElementCount !== 0 || (leaf.textContent ?? '').trim() !== label) continue;
    const start = rowText.indexOf(label, from);
    if (start < 0) continue;
    from = start + label.length;
    found.push({
      text: label,
      start,
      end: start + label.length,
      source: BADGE_SOURCES.get(label)!,
      affiliate: AFFILIATE_BADGES.has(label) ? true : null,
      kind: 'badge',
      evidence: `badge ${label}`,
    });
  }
  return found;
}

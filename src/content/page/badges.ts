// Source badges: the small 淘宝 / 京东 / 有赞 labels a goods list prints beside a product. They say where a product
// comes from when the row holds no link, so the page scanner turns them into findings of kind 'badge'.
import { BADGES } from '../../core/sources';
import type { LinkFinding } from '../../core/types';

/** Cheap pre-check on a row's text: no badge word, no walk. */
const ANY_BADGE = new RegExp([...BADGES.keys()].join('|'));

/** A badge is a short leaf label; a product title that mentions 淘宝 is not one. Walks text nodes, not elements:
 *  in a 2,000-row list that is the cheaper way to reach the few leaves that could be badges. */
export function findBadges(row: Element, rowText: string): LinkFinding[] {
  if (!ANY_BADGE.test(rowText)) return [];
  const found: LinkFinding[] = [];
  let from = 0;
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const label = (node as Text).data.trim();
    const badge = BADGES.get(label);
    if (!badge) continue;
    const leaf = node.parentElement;
    if (!leaf || leaf === row || leaf.childElementCount !== 0 || (leaf.textContent ?? '').trim() !== label) continue;
    const start = rowText.indexOf(label, from);
    if (start < 0) continue;
    from = start + label.length;
    found.push({
      text: label,
      start,
      end: start + label.length,
      source: badge.source,
      affiliate: badge.affiliate,
      kind: 'badge',
      evidence: `badge ${label}`,
    });
  }
  return found;
}

// The optional short-link resolver, from the page's side: a generic short link (t.cn/…) is judged by where it
// leads once the background has followed it (the background alone fetches, and only with the operator's opt-in and
// permission). Each distinct link is asked once per page life, at most LIMIT of them and a few at a time, so a page
// full of short links cannot turn into a stream of requests. Until an answer comes, and when none comes, the link
// stays a shortener, which decide() judges 'review'.
import { classify } from '../core/extract';
import { normalizeText } from '../core/normalize';
import type { LinkFinding } from '../core/types';
import { ellipsis } from '../core/ellipsis';

export interface ShortLinks {
  /** The link as its target when known; otherwise the link itself (asking the background on first sight). */
  resolve(link: LinkFinding): LinkFinding;
}

export interface ShortLinkOptions {
  /** Where the URL leads, or null. */
  ask(url: string): Promise<string | null>;
  signal: AbortSignal;
  /** A target became known: verdicts may change (called once for a burst of answers). */
  onResolved(): void;
  limit?: number;
}

export const SHORT_LINK_LIMIT = 200;
const PARALLEL = 4;
const SETTLE_MS = 50;
const SHOWN = 60;
/** The background refuses longer URLs (src/background/checks.ts); asking would only use up the page's budget. */
const MAX_URL = 2048;

/** "t。cn/A6x" as the URL a browser would open: normalised, with a scheme. */
export function shortLinkUrl(text: string): string {
  const url = normalizeText(text).text.trim();
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/** The short link judged as its target: its own text and offsets, the target's source, affiliate and seller. */
export function asTarget(link: LinkFinding, target: LinkFinding): LinkFinding {
  const shown = ellipsis(target.text, SHOWN);
  const { text, start, end, kind } = link;
  const resolved: LinkFinding = {
    text,
    start,
    end,
    kind,
    source: target.source,
    affiliate: target.affiliate,
    evidence: `${text} \u2192 ${shown} (${target.evidence})`,
  };
  if (target.seller) resolved.seller = target.seller;
  return resolved;
}

export function createShortLinks(options: ShortLinkOptions): ShortLinks {
  const { ask, signal } = options;
  const limit = options.limit ?? SHORT_LINK_LIMIT;
  /** url → the target's commerce link; null when there is none (no answer, a failure, not a product link). */
  const known = new Map<string, LinkFinding | null>();
  const asked = new Set<string>();
  const queue: string[] = [];
  let running = 0;
  let settle: ReturnType<typeof setTimeout> | null = null;

  signal.addEventListener('abort', () => {
    queue.length = 0;
    if (settle !== null) clearTimeout(settle);
  });

  function answered(url: string, target: string | null) {
    // A target that is itself only a shortener tells no more than the link did.
    const found = target ? (classify(target).find((link) => link.source !== 'shortener') ?? null) : null;
    known.set(url, found);
    if (found && settle === null && !signal.aborted) {
      settle = setTimeout(() => {
        settle = null;
        if (!signal.aborted) options.onResolved();
      }, SETTLE_MS);
    }
  }

  function next() {
    while (running < PARALLEL && queue.length && !signal.aborted) {
      const url = queue.shift()!;
      running++;
      ask(url)
        .then(
          (target) => answered(url, target),
          () => answered(url, null),
        )
        .finally(() => {
          running--;
          next();
        });
    }
  }

  return {
    resolve(link) {
      const url = shortLinkUrl(link.text);
      const target = known.get(url);
      if (target) return asTarget(link, target);
      if (!asked.has(url) && asked.size < limit && url.length <= MAX_URL && !signal.aborted) {
        asked.add(url);
        queue.push(url);
        next();
      }
      return link;
    },
  };
}

// Recognition: every commerce link in a text, with its exact place in the ORIGINAL text.
//
// normalise (one pass, offset map) → find atoms (URLs, tokens, PIDs, share codes, mini-program paths) →
// read the words around them (share-context.ts) → join a token and the link of the same share text into one
// `share-text` finding → map offsets back. Every step is a linear scan or a bounded look at a neighbourhood.

import { normalizeText, type NormalizedText } from './normalize';
import {
  ALLIANCE_CUE,
  appNear,
  CueFinder,
  MEDIA_CUE,
  OWN_GOODS_CUE,
  SECOND_HAND_CUE,
  SECOND_HAND_AFTER,
  shareCodeAfter,
  ShareTagFinder,
  type ShareTag,
  wordIn,
} from './share-context';
import { CUE_UPGRADES, DEFAULT_TOKEN_APP, familyOf, hostRule, NAMED_TOKEN_APPS, secondHandOf } from './sources';
import { findDouyinCodes, findJdCommands, findMiniPrograms, findPids, findTokens, type Atom } from './tokens';
import type { LinkFinding } from './types';
import { analyzeUrlMemo } from './url-memo';
import { NOT_GOODS, type Recognition } from './url-analyze';
import { findUrls } from './url-find';

/**
 * Text without any of these characters holds no link of any form: URLs need `.` `/` or `:`, tokens a
 * delimiter (or `(` around a code), PIDs `_`, entities `&`/`\`; the full-width, small-form and leader/slash
 * compatibility characters are what NFKC turns into those. Most short inputs (titles, prices in words) stop here.
 */
const MAYBE_LINK = /[./:%$¥€₤¤¢₳啊!(&\\_。\u2024\u2044\uFE50-\uFE6F\uFF00-\uFFEF]/;

/**
 * Every link form that is not a URL, each found by its own linear scanner over the normalised text. URLs are
 * found first (findUrlAtoms): what lies inside a URL (a PID in `?pid=mm_…`) belongs to the URL.
 */
const FINDERS: ReadonlyArray<(text: string) => Atom[]> = [
  findTokens,
  findJdCommands,
  findPids,
  findDouyinCodes,
  findMiniPrograms,
];

/** How far (normalised characters) the words of one share text reach. */
const ALLIANCE_RADIUS = 200;
const MEDIA_RADIUS = 120;
const OWN_GOODS_RADIUS = 80;
const TOKEN_APP_RADIUS = 40;
/** Cue search regions reach this far around atoms: the largest radius plus the longest cue. */
const CUE_REACH = ALLIANCE_RADIUS + 48;
/** A token and a link at most this far apart belong to one share text. */
const SHARE_GAP = 120;

export function classify(input: string): LinkFinding[] {
  if (!MAYBE_LINK.test(input)) return [];
  const normalized = normalizeText(input);
  const text = normalized.text;
  const atoms = collectAtoms(text);
  if (atoms.length === 0) return [];
  return toFindings(input, normalized, joinShareTexts(readContext(text, atoms)));
}

/** URL atoms first; the other finders' atoms only outside URLs. */
function collectAtoms(text: string): Atom[] {
  const claimed: Array<{ start: number; end: number }> = [];
  const urls = findUrlAtoms(text, claimed);
  const others: Atom[] = [];
  for (const find of FINDERS) for (const atom of find(text)) others.push(atom);
  if (others.length === 0) return withoutOverlaps(urls);
  others.sort(byStart);
  const free: Atom[] = [];
  let c = 0;
  for (const atom of others) {
    while (c < claimed.length && claimed[c]!.end <= atom.start) c++;
    if (c < claimed.length && claimed[c]!.start < atom.end) continue;
    free.push(atom);
  }
  return withoutOverlaps([...urls, ...free].sort(byStart));
}

/** The commerce URLs; every URL we know (goods or known not-goods) claims its span in `claimed`. */
function findUrlAtoms(text: string, claimed: Array<{ start: number; end: number }>): Atom[] {
  const urls: Atom[] = [];
  for (const span of findUrls(text)) {
    const analysis = analyzeUrlMemo(span.url, text.length);
    if (analysis === null) continue;
    claimed.push(span);
    if (analysis !== NOT_GOODS) urls.push(atomOf(analysis, span.start, span.end));
  }
  return urls;
}

/**
 * A fresh atom from a (shared, frozen) analysis: later steps update atoms in place. One literal, one object
 * shape for every URL atom (a spread copies by a slower generic path).
 */
function atomOf(analysis: Recognition, start: number, end: number): Atom {
  const atom: Atom = {
    source: analysis.source,
    affiliate: analysis.affiliate,
    kind: analysis.kind,
    evidence: analysis.evidence,
    host: analysis.host,
    start,
    end,
  };
  if (analysis.seller) atom.seller = analysis.seller;
  return atom;
}

function byStart(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** Sorted by start; of two overlapping atoms the earlier (or, at the same start, the longer) stays. */
function withoutOverlaps(sorted: Atom[]): Atom[] {
  const out: Atom[] = [];
  for (const atom of sorted) {
    const last = out[out.length - 1];
    if (!last || atom.start >= last.end) out.push(atom);
  }
  return out;
}

/** Applies what the surrounding words say; atoms that turn out not to be goods are dropped. */
function readContext(text: string, atoms: Atom[]): Atom[] {
  // Only links that cannot tell their affiliate status themselves look for 淘客 wording.
  const undecided = atoms.filter((atom) => atom.affiliate === null && CUE_UPGRADES.has(atom.source));
  const alliance = new CueFinder(text, ALLIANCE_CUE, undecided, CUE_REACH);
  const tags = new ShareTagFinder(text);
  const out: Atom[] = [];
  for (let k = 0; k < atoms.length; k++) {
    const atom = atoms[k]!;
    // Atoms are this call's own objects: updating them in place saves a copy per link.
    const host = atom.host;

    const framable = atom.kind === 'url' || atom.kind === 'short-link' || atom.kind === 'token';
    let tag = framable ? tags.before(atom.start) : null;
    if (tag && tag.start < (out[out.length - 1]?.end ?? 0)) tag = null; // never reach into the previous finding
    const secondHand = host ? secondHandOf(host) : undefined;
    if (
      secondHand &&
      (tag?.name === secondHand ||
        wordIn(text, SECOND_HAND_CUE, atom.start - 24, atom.start) ||
        wordIn(text, SECOND_HAND_AFTER, atom.end, Math.min(atom.end + 24, atoms[k + 1]?.start ?? text.length)))
    ) {
      // Second-hand goods (闲鱼), not a shop; so is its share text's token, before it on its line (`€…€ https://…`).
      const last = out[out.length - 1];
      if (
        last?.kind === 'token' &&
        last.source === atom.source &&
        atom.start - last.end < SHARE_GAP &&
        text.lastIndexOf('\n', atom.start) < last.end
      )
        out.pop();
      continue;
    }

    const own = host ? hostRule(host)?.shareOf : undefined;
    if (own && atom.source === 'shortener') {
      if (wordIn(text, OWN_GOODS_CUE, atom.start - OWN_GOODS_RADIUS, atom.end + OWN_GOODS_RADIUS)) {
        atom.source = own;
        atom.evidence = `${atom.evidence}; the share text names the platform's shop`;
      } else if (wordIn(text, MEDIA_CUE, atom.start - MEDIA_RADIUS, atom.end + MEDIA_RADIUS)) {
        continue; // a video, live room or note share
      }
    }

    if (atom.kind === 'token' && atom.source === DEFAULT_TOKEN_APP) {
      const app = appNear(text, atom.start, atom.end, TOKEN_APP_RADIUS);
      if (app && NAMED_TOKEN_APPS.has(app)) {
        atom.source = app;
        atom.evidence = `${atom.evidence} (the text names ${app})`;
      }
    }

    if (atom.affiliate === null && CUE_UPGRADES.has(atom.source)) {
      if (alliance.within(atom.start - ALLIANCE_RADIUS, atom.end + ALLIANCE_RADIUS)) {
        atom.affiliate = true;
        atom.evidence = `${atom.evidence}; 淘客 wording (领券/券后价/下单链接…) around it`;
      }
    }

    if (framable) frameShareLink(text, atom, tag);
    out.push(atom);
  }
  return withoutOverlaps(out);
}

/** `【淘宝】https://m.tb.cn/h.… CZ3457`: the app tag and the app code belong to the finding. */
function frameShareLink(text: string, atom: Atom, tag: ShareTag | null): void {
  const code = shareCodeAfter(text, atom.end);
  if (!tag && !code) return;
  const parts = [tag ? `【${tag.name}】` : '', atom.evidence, code ? text.slice(atom.end, atom.end + code).trim() : ''];
  if (tag) atom.start = tag.start;
  atom.end += code;
  atom.kind = 'share-text';
  atom.evidence = `share text: ${parts.filter(Boolean).join(' + ')}`;
}

/** A token next to a link of the same app is one share text (`￥…￥ … https://m.tb.cn/…`). */
function joinShareTexts(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    const joined = b ? join(a, b) : null;
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}

function join(a: Atom, b: Atom): Atom | null {
  if (b.start - a.end > SHARE_GAP) return null;
  const token = isAppToken(a) ? a : isAppToken(b) ? b : null;
  const link = token === a ? b : a;
  if (!token || !isLink(link)) return null;
  const sameApp =
    link.source === token.source ||
    link.source === 'shortener' ||
    (familyOf(link.source) !== undefined && familyOf(link.source) === familyOf(token.source));
  if (!sameApp) return null;
  const joined: Atom = {
    start: a.start,
    end: b.end,
    source: link.source === 'shortener' ? token.source : link.source,
    affiliate:
      a.affiliate === true || b.affiliate === true ? true : a.affiliate === null || b.affiliate === null ? null : false,
    kind: 'share-text',
    evidence: `${a.evidence} + ${b.evidence}`,
  };
  if (link.seller) joined.seller = link.seller;
  return joined;
}

const isAppToken = (atom: Atom) => atom.kind === 'token' && atom.source !== 'shortener';
const isLink = (atom: Atom) => atom.kind === 'url' || atom.kind === 'short-link' || atom.kind === 'share-text';

/** Normalised spans → original offsets; a span that would overlap the previous one (ligatures) is dropped. */
function toFindings(input: string, normalized: NormalizedText, atoms: readonly Atom[]): LinkFinding[] {
  const findings: LinkFinding[] = [];
  let previousEnd = 0;
  for (const atom of atoms) {
    const start = normalized.startOf(atom.start);
    const end = normalized.endOf(atom.end - 1);
    if (start < previousEnd || end <= start) continue;
    previousEnd = end;
    const finding: LinkFinding = {
      text: input.slice(start, end),
      start,
      end,
      source: atom.source,
      affiliate: atom.affiliate,
      kind: atom.kind,
      evidence: atom.evidence,
    };
    if (atom.seller) finding.seller = atom.seller;
    findings.push(finding);
  }
  return findings;
}

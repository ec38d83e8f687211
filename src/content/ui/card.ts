// The small card shown on hover or focus of a flagged place: per flagged link its verdict (icon + word + colour),
// the source recognised, the rule in one sentence with its effective date, and a button copying the notice (worded
// by the worker: the page's script carries none of the notice's wording).
import { beijingDateTime } from '../../core/beijing-time';
import { findRule } from '../../core/decide';
import { evidenceFor, evidenceLine } from '../../core/evidence';
import { sourceName, verdictName } from '../../core/names';
import type { NoticeContext } from '../../core/notice';
import type { JudgedLink, Lang } from '../../core/types';
import { t } from '../../i18n';
import { copyText } from './clipboard';
import type { Spot } from '../page/scan';
import { el } from './host';
import { ellipsis } from '../../core/ellipsis';

const SHOWN = 3;
const LINK_CHARS = 120;
// Plain ASCII marks drawn as badges by CSS: emoji glyphs are missing from many Linux and Windows fonts.
const ICONS = { banned: '!', review: '?' } as const;

/** The notice of one flagged link, as the worker words it. */
export type AskNotice = (judged: JudgedLink) => Promise<string>;

/** The rule in one sentence and since when; the decision's own reason where no rule decided. */
export function ruleSentence(judged: JudgedLink, ctx: NoticeContext): string {
  const { decision } = judged;
  const found = decision.rule ? findRule(ctx.rules, decision.rule) : undefined;
  if (!found || decision.verdict === 'review' || !decision.since) return decision.reason[ctx.lang];
  const summary = (found.exception ?? found.rule).summary[ctx.lang];
  return t(ctx.lang, 'overlay_rule_since', summary, beijingDateTime(decision.since));
}

/** How old and how sure the deciding rule's evidence is, when a rule decided. */
function evidenceLines(doc: Document, judged: JudgedLink, ctx: NoticeContext): HTMLElement[] {
  const evidence = evidenceFor(ctx.rules, judged.decision.rule);
  return evidence ? [el(doc, 'div', 'muted evidence', evidenceLine(ctx.lang, evidence))] : [];
}

function item(doc: Document, judged: JudgedLink, ctx: NoticeContext, askNotice: AskNotice): HTMLElement {
  const { link, decision } = judged;
  const verdict = decision.verdict === 'banned' ? 'banned' : 'review';
  const lang: Lang = ctx.lang;
  const status = el(doc, 'span', 'muted');
  status.setAttribute('role', 'status');
  const copy = el(doc, 'button', '', t(lang, 'overlay_copy'));
  copy.type = 'button';
  const actions = el(doc, 'div', 'actions', status, copy);
  // Asked when the card opens, so the click copies at once, inside the gesture the clipboard wants; asked again on
  // the click when that first answer failed (a worker that was restarting).
  const ask = () => {
    const asked = askNotice(judged);
    asked.catch(() => undefined);
    return asked;
  };
  let text = ask();
  copy.addEventListener('click', () => {
    void text
      .catch(() => (text = ask()))
      .then((notice) => copyText(notice, actions))
      .then(
        (result) => {
          status.textContent = t(lang, result === 'copied' ? 'overlay_copied' : 'overlay_copy_manual');
        },
        () => {
          status.textContent = t(lang, 'overlay_copy_failed');
        },
      );
  });
  return el(
    doc,
    'div',
    'item',
    el(doc, 'div', `verdict ${verdict}`, el(doc, 'span', 'icon', ICONS[verdict]), verdictName(lang, decision.verdict)),
    el(doc, 'div', 'link', ellipsis(link.text, LINK_CHARS)),
    el(doc, 'div', 'muted', t(lang, 'overlay_source', sourceName(lang, link.source))),
    el(doc, 'div', 'rule', ruleSentence(judged, ctx)),
    ...evidenceLines(doc, judged, ctx),
    actions,
  );
}

/** The card's content for one spot: its flagged links, worst first. */
export function buildCard(doc: Document, spot: Spot, ctx: NoticeContext, askNotice: AskNotice): HTMLElement {
  const flagged = spot.judged
    .filter(({ decision }) => decision.verdict !== 'allowed')
    .sort((a, b) => (a.decision.verdict === 'banned' ? 0 : 1) - (b.decision.verdict === 'banned' ? 0 : 1));
  const card = el(doc, 'div', `card ${spot.flag ?? 'review'}`);
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t(ctx.lang, 'extShortName'));
  for (const judged of flagged.slice(0, SHOWN)) card.append(item(doc, judged, ctx, askNotice));
  if (flagged.length > SHOWN) card.append(el(doc, 'div', 'muted', t(ctx.lang, 'overlay_more', flagged.length - SHOWN)));
  return card;
}

// `--format html -o report.html`: one self-contained page (no network, no external file) a merchant can open from a
// chat attachment on a phone: a summary with small bar charts by verdict and by rule, then every link found, in a
// table that sorts and filters, each banned link with its notice ready to copy. Both languages side by side. The
// rows stream out as they are judged; the summary, known only at the end, is written last and shown first (CSS
// order). Every text from the input, the rules or the catalogue goes through `escapeHtml`.
import { basename } from 'node:path';
import { notice } from '../core/notice';
import { platformName, sourceName, surfaceName, verdictName } from '../core/names';
import type { Lang, Rule, Verdict } from '../core/types';
import { t, type MessageKey } from '../i18n';
import { Held, type TextReport } from './report';
import type { Target } from './options';
import { Tally, VERDICTS } from './tally';
import { beijingDay } from '../core/beijing-time';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value: nothing in it can open a tag, end an attribute or start an entity. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** A label in both languages, Chinese first. */
const both = (key: MessageKey, ...subs: (string | number)[]) =>
  `<span lang="zh">${escapeHtml(t('zh', key, ...subs))}</span> <span lang="en">${escapeHtml(t('en', key, ...subs))}</span>`;
const bothVerdict = (verdict: Verdict) =>
  `<span lang="zh">${escapeHtml(verdictName('zh', verdict))}</span> <span lang="en">${escapeHtml(verdictName('en', verdict))}</span>`;

const COLOUR: Record<Verdict, string> = { banned: '#c62828', review: '#b26a00', allowed: '#2e7d32' };

const STYLE = `
:root{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#fff}
body{margin:0 auto;max-width:1200px;padding:12px;display:flex;flex-direction:column;gap:12px}
header{order:-2}#summary{order:-1}
h1{font-size:1.3rem;margin:0}h2{font-size:1.05rem;margin:.6rem 0 .3rem}
[lang=en]{color:#555}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{flex:1 1 300px}
.bar{display:flex;align-items:center;gap:6px;margin:3px 0;font-size:.9rem}.bar b{flex:0 0 9em;font-weight:normal}
.bar svg{flex:1 1 auto;height:14px}.bar span.n{flex:0 0 4em;text-align:right}
.tools{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.tools input,.tools select{font-size:1rem;padding:6px;border:1px solid #bbb;border-radius:6px}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f4f4f4;cursor:pointer;position:sticky;top:0;user-select:none}
tr.banned td.v{color:${COLOUR.banned};font-weight:bold}tr.review td.v{color:${COLOUR.review}}tr.allowed td.v{color:${COLOUR.allowed}}
tr.banned{background:#fff3f3}
details textarea{width:100%;min-width:18em;min-height:12em;font:inherit;font-size:.85rem}
td.l{min-width:14em}td.v,td.n{min-width:4.5em}
button{font-size:.9rem;padding:4px 10px;border-radius:6px;border:1px solid #888;background:#fafafa}
@media (max-width:700px){
 td.l,td.v,td.n{min-width:0}details textarea{min-width:0}
 thead{display:none}table,tbody,tr,td{display:block;width:auto}
 tr{border:1px solid #ddd;border-radius:8px;margin:0 0 10px;padding:4px}
 td{border:0;padding:3px 6px}td::before{content:attr(data-label);display:block;font-size:.75rem;color:#777}
}`;

// Sorting and filtering only reorder and hide existing rows; no text is ever written as HTML.
const SCRIPT = `
(function(){
var body=document.querySelector('#rows tbody'),rows=Array.prototype.slice.call(body.rows);
var q=document.getElementById('q'),v=document.getElementById('v'),count=document.getElementById('shown');
function filter(){var text=q.value.trim().toLowerCase(),verdict=v.value,n=0;
 rows.forEach(function(r){var show=(!verdict||r.className===verdict)&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
  r.hidden=!show;if(show)n++;});count.textContent=String(n);}
q.addEventListener('input',filter);v.addEventListener('change',filter);
var order={};
Array.prototype.forEach.call(document.querySelectorAll('#rows th'),function(th,i){
 th.addEventListener('click',function(){var dir=order[i]=-(order[i]||-1);
  rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-sort')||a.cells[i].textContent,y=b.cells[i].getAttribute('data-sort')||b.cells[i].textContent;
   var nx=Number(x),ny=Number(y);return dir*(x!==''&&y!==''&&!isNaN(nx)&&!isNaN(ny)?nx-ny:x.localeCompare(y,'zh'));});
  rows.forEach(function(r){body.appendChild(r);});});});
document.addEventListener('click',function(e){var b=e.target;if(!b||!b.hasAttribute||!b.hasAttribute('data-copy'))return;
 var area=b.parentNode.querySelector('textarea');area.select();
 var done=function(){b.textContent=b.getAttribute('data-done');};
 if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(area.value).then(done,function(){document.execCommand('copy');done();});
 else{document.execCommand('copy');done();}});
filter();
})();`;

function bars(items: { label: string; count: number; colour: string }[]): string {
  const most = Math.max(1, ...items.map((item) => item.count));
  return items
    .map(({ label, count, colour }) => {
      const width = Math.max(count > 0 ? 1 : 0, Math.round((count / most) * 100));
      return `<div class="bar"><b>${label}</b><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${width}" height="10" fill="${colour}"/></svg><span class="n">${count}</span></div>`;
    })
    .join('');
}

export function htmlReport(file: string, target: Target, rules: readonly Rule[], lang: Lang): TextReport {
  const tally = new Tally();
  const parts = new Held();
  const context = { platform: target.platform, surface: target.surface, rules, lang };
  const where = (l: Lang) =>
    `${platformName(l, target.platform)} · ${surfaceName(l, target.surface)} · ${beijingDay(target.at)}`;
  const cell = (label: MessageKey, html: string, sort?: string, css?: string) =>
    `<td${css ? ` class="${css}"` : ''} data-label="${escapeHtml(t('zh', label))} ${escapeHtml(t('en', label))}"${sort === undefined ? '' : ` data-sort="${escapeHtml(sort)}"`}>${html}</td>`;
  parts.push(
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(t(lang, 'cli_html_title'))} · ${escapeHtml(basename(file))}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${both('cli_html_title')}</h1><div>${escapeHtml(basename(file))}</div><div><span lang="zh">${escapeHtml(where('zh'))}</span> · <span lang="en">${escapeHtml(where('en'))}</span></div></header>`,
    `<main><div class="tools"><input id="q" type="search" placeholder="${escapeHtml(t('zh', 'cli_html_filter'))} ${escapeHtml(t('en', 'cli_html_filter'))}">`,
    `<select id="v"><option value="">${escapeHtml(t('zh', 'cli_html_all'))} ${escapeHtml(t('en', 'cli_html_all'))}</option>`,
    ...VERDICTS.map(
      (v) => `<option value="${v}">${escapeHtml(verdictName('zh', v))} ${escapeHtml(verdictName('en', v))}</option>`,
    ),
    `</select><span>${both('cli_html_shown')} <b id="shown"></b></span></div>`,
    '<div class="wrap"><table id="rows"><thead><tr>',
    ...(
      [
        'cli_col_line',
        'cli_col_verdict',
        'cli_col_link',
        'cli_col_source',
        'cli_col_rule',
        'cli_col_reason',
        'cli_col_input',
      ] as const
    ).map((key) => `<th>${both(key)}</th>`),
    '</tr></thead><tbody>',
  );
  return {
    add(input, { links }) {
      tally.add(links);
      for (const one of links) {
        const { link, decision } = one;
        const verdict = decision.verdict;
        const copy =
          verdict === 'banned'
            ? `<details><summary>${both('cli_html_notice')}</summary><textarea readonly>${escapeHtml(notice(one, context))}</textarea><button type="button" data-copy data-done="${escapeHtml(t(lang, 'cli_html_copied'))}">${both('cli_html_copy')}</button></details>`
            : '';
        parts.push(
          `<tr class="${verdict}">`,
          cell('cli_col_line', String(input.line)),
          `<td class="v" data-label="${escapeHtml(t('zh', 'cli_col_verdict'))} ${escapeHtml(t('en', 'cli_col_verdict'))}" data-sort="${VERDICTS.indexOf(verdict)}">${bothVerdict(verdict)}</td>`,
          cell('cli_col_link', `${escapeHtml(link.text)}${copy}`, undefined, 'l'),
          cell(
            'cli_col_source',
            `${escapeHtml(sourceName('zh', link.source))} <span lang="en">${escapeHtml(sourceName('en', link.source))}</span>`,
          ),
          cell('cli_col_rule', escapeHtml(decision.rule ?? '—'), undefined, 'n'),
          cell(
            'cli_col_reason',
            `<div lang="zh">${escapeHtml(decision.reason.zh)}</div><div lang="en">${escapeHtml(decision.reason.en)}</div>`,
          ),
          cell('cli_col_input', escapeHtml(input.text)),
          '</tr>',
        );
      }
    },
    take: () => parts.take(),
    end() {
      const verdictBars = bars(
        VERDICTS.map((v) => ({ label: bothVerdict(v), count: tally.verdicts[v], colour: COLOUR[v] })),
      );
      const ruleBars = bars(
        tally.byRule().map(({ rule, verdict, count }) => ({
          label: rule ? escapeHtml(rule) : `${both('cli_report_no_rule')} ${bothVerdict(verdict)}`,
          count,
          colour: COLOUR[verdict],
        })),
      );
      parts.push(
        '</tbody></table></div></main>',
        `<section id="summary"><h2>${both('cli_html_summary')}</h2>`,
        `<p>${both('cli_html_counts', tally.inputs, tally.findings)}</p>`,
        `<div class="charts"><div class="chart"><h2>${both('cli_html_by_verdict')}</h2>${verdictBars}</div>`,
        `<div class="chart"><h2>${both('cli_html_by_rule')}</h2>${ruleBars || '—'}</div></div></section>`,
        `<script>${SCRIPT}</script></body></html>\n`,
      );
      return parts.take();
    },
  };
}

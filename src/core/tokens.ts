// Link forms that are not URLs: 淘口令 tokens of every generation, JD 口令, mm_ PIDs, Douyin URL-less share
// codes and WeChat mini-program paths. All scanners work on normalised text (￥ is already ¥, ！ is !).

import { APP_CODE, SHARE_CODE_AFTER } from './share-context';
import { BANG_TOKEN_APP, DEFAULT_TOKEN_APP, MINI_PROGRAM_APPS, MINI_PROGRAM_PATHS, SOURCE_RECORDS } from './sources';
import type { Recognition } from './url-analyze';

export interface Atom extends Recognition {
  start: number;
  end: number;
}

/** An app code at the start of a token's body (`( CZ3457 AbCdEfGhIjK)`). */
const SHARE_CODE = new RegExp(`^${APP_CODE}`);
/**
 * The 淘宝闪购 / 饿了么 layout's lead before the token: a number, an app code and `N:/` (`58 HU1234 1:/✔…₤…₤`), then
 * at most a few words to the delimiter. Only a share text starts so; like a code after the token, it makes the
 * token certain without any app word.
 */
const LEAD_CODE = new RegExp(`(?<![A-Za-z0-9])\\d{1,3} (${APP_CODE}) \\d{1,2}:\\/[^\\n]{0,24}$`);
const LEAD_REACH = 40;

/**
 * Token delimiters seen in the wild (§1, §3): ¥ (from ￥ and ¥), €, $, ₤, ¤, ¢, ₳, and the Chinese
 * character 啊. `!` only counts for JD 口令 (`NN:/！…！ZH1234`), `(` only around a code and a body.
 */
const DELIMITER = /[¥￥€$₤¤¢₳啊!！(]/g;
/** The normaliser leaves ￥ as it is, and ！ away from link characters: each stands for its ASCII form. */
const canonicalDelimiter = (char: string) => (char === '￥' ? '¥' : char === '！' ? '!' : char);
/** A token body is 3–16 ASCII letters and digits (10–16 in real tokens; short ones need context, below). */
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
/**
 * A body made of words (`RefreshSig`, `isSourceNode`, `USD`): segments with a vowel, capital runs, no digit.
 * About 0.6 % of random 11-character bodies look like this, and those are only doubted without any share word.
 */
const WORDY = /^[a-z]?(?:[A-Z]?(?=[a-z]{2})[a-z]*[aeiouy][a-z]*|[A-Z]{2,})+$/;
const isWordy = (body: string) => WORDY.test(body);
const isRandomBody = (body: string) =>
  /\d/.test(body) &&
  /[a-z]/.test(body) &&
  /[A-Z]/.test(body) &&
  !body
    .split(/\d+/)
    .filter((run) => run.length > 1)
    .every(isWordy);

/** How long the break inside a token body at `i` is: a space, an emoji run (ZWJ and VS16 are gone), or both. */
function breakAt(text: string, i: number): number {
  let j = text.charCodeAt(i) === 0x20 ? i + 1 : i;
  const emoji = j;
  for (let c = text.charCodeAt(j); (c >= 0xd83c && c <= 0xd83e) || (c >= 0x2600 && c <= 0x27bf); c = text.charCodeAt(j))
    j += c > 0x27bf ? 2 : 1;
  if (j > emoji && text.charCodeAt(j) === 0x20) j++;
  return j - i;
}

/** Words around a token that make a short placeholder body (`￥def456￥`) believable. */
const TOKEN_CUE = /复制|復.?[制製]|覆|輹|fu.?zhi|打开|打開|咑閞|口令|淘宝|淘.?寳|氵匋|taobao|京东|天猫|手机/i;
/** The share text's "copy this" (复制/復製 and their disguises): what makes a bracketed body a token. */
const COPY_CUE = /复.?制|復.?[制製]|覆|輹|fu.?(?:zhi|致)/i;

export function findTokens(text: string): Atom[] {
  const atoms: Atom[] = [];
  DELIMITER.lastIndex = 0;
  // test() rather than exec(): no match array per price sign; a delimiter is one character long.
  while (DELIMITER.test(text)) {
    const token = tokenAt(text, DELIMITER.lastIndex - 1);
    if (token) {
      atoms.push(token);
      DELIMITER.lastIndex = token.end;
    }
  }
  return atoms;
}

function tokenAt(text: string, open: number): Atom | null {
  const delim = canonicalDelimiter(text[open]!);
  let i = open + 1;
  if (i < text.length && text.charCodeAt(i) === 0x20) i++;
  // Most delimiters are prices (¥199) or punctuation: reject them before slicing anything.
  if (!isAlnum(text.charCodeAt(i))) return null;
  let innerCode: RegExpExecArray | null = null;
  if (isUpper(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1))) {
    innerCode = SHARE_CODE.exec(text.slice(i, i + 7));
    if (innerCode && text.charCodeAt(i + innerCode[0].length) === 0x20) i += innerCode[0].length + 1;
    else innerCode = null;
  }
  // `( CZ3457 AbCdEfGhIjK)`: brackets count only around a full-length body, with an app code or the share text's
  // "copy this" next to it (`(fl9Zc4ybx2d)` … 復製这条信息打开手机氵匋寳).
  const bracket = delim === '(';
  // The body's letters and digits, in up to three runs: pasted tokens carry a space or an emoji inside.
  let bodyEnd = i;
  let length = 0;
  let breaks = 0;
  for (;;) {
    for (; length <= 16 && isAlnum(text.charCodeAt(bodyEnd)); length++) bodyEnd++;
    const gap = breaks < 2 && !bracket ? breakAt(text, bodyEnd) : 0;
    if (!gap || !isAlnum(text.charCodeAt(bodyEnd + gap))) break;
    bodyEnd += gap;
    breaks++;
  }
  if (length < 3 || length > 16) return null;
  const body = text.slice(i, bodyEnd);
  i = bodyEnd;
  if (bracket && length < 10) return null;
  // A broken body needs a random run, with a capital or letters and digits mixed: words, abbreviations and numbers
  // between signs (`$10 off now$`, `￥ Apple iPhone￥`, Tcl's `$tv tag bind $`) are not.
  if (breaks && !body.split(/[^A-Za-z\d]+/).some((r) => r.length > 1 && /[A-Z]|\d\D|\D\d/.test(r) && !isWordy(r)))
    return null;
  if (text[i] === ' ' && (delim === '$' || bracket)) i++;
  const parenthesised = delim === '$' && text[open - 1] === '(';
  const close = canonicalDelimiter(text[i] ?? '');
  if (close !== delim && !((parenthesised || bracket) && close === ')')) return null;
  let end = i + 1;
  if (!/[A-Za-z]/.test(body)) return null; // all digits (the body is letters and digits): ￥199￥, ￥19900000000￥

  if (delim === '!') return jdToken(text, open, end, body);

  const scheme = text.startsWith('://', end);
  if (scheme) end += 3;
  const after = SHARE_CODE_AFTER.exec(text.slice(end, end + 8));
  if (after) end += after[0].length;
  if (text[end] === '/' && (scheme || innerCode)) end++;

  const lead = innerCode || after ? null : LEAD_CODE.exec(text.slice(Math.max(0, open - LEAD_REACH), open));
  const code = innerCode?.[0] ?? after?.[1] ?? lead?.[1];
  // The `://` tail or an app code is what only a token has; brackets and `$` are everyday signs (`($USD)`).
  const strong = scheme || !!code;
  const near = text.slice(Math.max(0, open - 30), Math.min(text.length, end + 30));
  const cue = !strong && TOKEN_CUE.test(near);
  // A bracketed body without a code: a random run that the text says to copy. Random: digits and both cases, its
  // letter runs not all words (a model name in brackets, `(iPhone15Pro)`, `(RTX4090Super)`, is words and numbers).
  if (bracket && !innerCode && !(COPY_CUE.test(near) && isRandomBody(body))) return null;
  if (length < (strong ? 3 : cue ? 6 : 10)) return null; // letters and digits, not the breaks between them
  // `$RefreshSig$`, `$$$isSourceNode$$$`: code and templates put words between dollars; a token body is random.
  if (delim === '$' && !strong && !cue && isWordy(body)) return null;
  if (delim === '啊' && !(/\d/.test(body) && body.length >= 10)) return null; // 啊 is also just a word

  // `$…$://`, `￥…￥://` and `($…)` are the 淘客 tools' token family (§3), not the app's own share format (which the
  // lead layout is, whatever its sign).
  const tokenFamily = (delim === '$' && !lead) || scheme;
  const start = lead ? open - lead[0].length : parenthesised ? open - 1 : open;
  return {
    start,
    end,
    source: DEFAULT_TOKEN_APP,
    affiliate: tokenFamily ? true : null,
    kind: 'token',
    evidence: `淘口令 ${bracket ? `(${body})` : `${delim}${body}${delim}`}${code ? ` ${code}` : ''}${tokenFamily ? ' (淘客 token family)' : ''}`,
  };
}

/** JD 口令: `NN:/` + `！body！` + an app code (`ZH1234`, `MF1234`); the `:/` or the code must be there. */
function jdToken(text: string, open: number, end: number, body: string): Atom | null {
  const lead = /\d{1,2}:\/ ?$/.exec(text.slice(Math.max(0, open - 6), open));
  const code = SHARE_CODE_AFTER.exec(text.slice(end, end + 8));
  if (!lead && !code) return null;
  return {
    start: lead ? open - lead[0].length : open,
    end: code ? end + code[0].length : end,
    source: BANG_TOKEN_APP,
    affiliate: null,
    kind: 'token',
    evidence: `口令 !${body}!`,
  };
}

/**
 * JD's other 口令 (京口令, the alliance API's `jCommand`): `24.0复制整段话 http:/J<13> <title>#<code>@…`. The URL is
 * not one (its host is the code); the phrase and the `J` code are what only this form has. The closing code
 * (`#R4burF7MFa@`, `%VAjYb8me2b!`, `￥m3QnuAb2Rb￥`) on the same line belongs to it.
 */
const JD_COMMAND =
  /(?:\d{1,2}\.0)?复制整段话 ?https?:\/\/?(J[A-Za-z0-9]{10,15})(?![\w./:?#-])(?:[^\n#%¥￥]{0,60}[#%¥￥][A-Za-z0-9]{8,12}[¥￥]?)?/iy;

export function findJdCommands(text: string): Atom[] {
  return scanNear(text, '复制整段话', JD_COMMAND, (at) => [at - 4, at - 3, at]).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    source: BANG_TOKEN_APP,
    affiliate: null,
    kind: 'token',
    evidence: `京口令 ${m[1]}`,
  }));
}

/**
 * Sticky `pattern` tried at the candidate starts near each occurrence of `needle` (found by indexOf, a native
 * scan): the same matches as a global regex over the whole text, in order and not overlapping, without running
 * a regex over a megabyte of page text for three markers.
 */
function scanNear(text: string, needle: string, pattern: RegExp, starts: (at: number) => number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    for (const start of starts(at)) {
      if (start < lastEnd || start < 0) continue;
      pattern.lastIndex = start;
      const m = pattern.exec(text);
      if (m) {
        out.push(m);
        lastEnd = start + m[0].length;
        break;
      }
    }
  }
  return out;
}

const PID = /(?<![A-Za-z0-9_])mm_\d{1,12}_\d{1,12}_\d{1,14}(?![A-Za-z0-9_])/y;

/** A 淘宝联盟 PID `mm_<member>_<site>_<adzone>` on its own. */
export function findPids(text: string): Atom[] {
  return scanNear(text, 'mm_', PID, (at) => [at]).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    source: 'taobao',
    affiliate: true,
    kind: 'pid',
    evidence: `PID ${m[0]}`,
  }));
}

/** Douyin URL-less share code: `:4pm kcN:/ 复制此链接，打开抖音搜索` — the pieces form a v.douyin.com code. */
const DOUYIN_CODE =
  /(?<![A-Za-z0-9:]):([A-Za-z0-9]{2,8})(?: ([A-Za-z0-9]{2,8}))?:\/(?=[^\n]{0,12}(?:复制此链接|打开抖音|抖音))/y;

/** The `:` where a share code ending in the `:/` at `at` may start: at most 18 characters before. */
function colonsBefore(text: string, at: number): number[] {
  const starts: number[] = [];
  for (let k = Math.max(0, at - 18); k < at; k++) if (text.charCodeAt(k) === 0x3a) starts.push(k);
  return starts;
}

/**
 * The next place at or after `from` where DOUYIN_CODE's cue may start (`抖音`, which `打开抖音` holds, or
 * `复制此链接`), or Infinity. Positions only grow, so each cue is searched for once per text.
 */
function cueTracker(text: string): (from: number) => number {
  let douyin = -2;
  let copy = -2;
  return (from) => {
    if (douyin !== -1 && douyin < from) douyin = text.indexOf('抖音', from);
    if (copy !== -1 && copy < from) copy = text.indexOf('复制此链接', from);
    return Math.min(douyin < 0 ? Infinity : douyin, copy < 0 ? Infinity : copy);
  };
}

/** The share host a URL-less Douyin code stands for: the link the app would have printed. */
const DOUYIN_SHARE_HOST = SOURCE_RECORDS.douyin.shareHosts![0]!;

export function findDouyinCodes(text: string): Atom[] {
  if (!(text.includes('抖音') || text.includes('复制此链接'))) return []; // see DOUYIN_CODE
  const nextCue = cueTracker(text);
  // Every URL holds `:/`; only one with a cue at most 12 characters after it can end a share code. The cue
  // `打开抖音` may start 12 characters after, so its `抖音` 14 after: the bound is at + 2 + 14.
  const starts = (at: number) => (nextCue(at + 2) <= at + 16 ? colonsBefore(text, at) : []);
  return scanNear(text, ':/', DOUYIN_CODE, starts).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    source: 'shortener',
    affiliate: null,
    kind: 'token',
    evidence: `抖音 share code ${m[1]}${m[2] ?? ''} (a ${DOUYIN_SHARE_HOST} link)`,
    host: DOUYIN_SHARE_HOST,
  }));
}

const MINI_PROGRAM_LINK = /[#＃]小程序:\/\/([^\s/#]{1,12})\/([A-Za-z0-9]{4,32})/g;
const MINI_PROGRAM_PATH =
  /(?<![A-Za-z0-9./])\/?(?:packages|pages)\/[A-Za-z]{2,20}\/[A-Za-z]{2,20}(?:\/[A-Za-z]{2,20})?\?[A-Za-z]{2,12}=[A-Za-z0-9]{4,24}/y;

/** Where `pages/` or `packages/` (found by its `ages/`) starts, one earlier when a `/` leads it. */
function miniProgramStarts(text: string, at: number): number[] {
  const starts: number[] = [];
  for (const base of [at - 4, at - 1]) {
    if (base < 0 || !text.startsWith(base === at - 4 ? 'packages/' : 'pages/', base)) continue;
    starts.push(text.charCodeAt(base - 1) === 0x2f ? base - 1 : base);
  }
  return starts;
}

/** WeChat mini-program links (`#小程序://拼多多/…`) and goods paths (`pages/productDetail/…?goodsId=`). */
export function findMiniPrograms(text: string): Atom[] {
  const atoms: Atom[] = [];
  if (text.includes('小程序:')) {
    for (const m of text.matchAll(MINI_PROGRAM_LINK)) {
      // The app's name may carry a slogan after a bar: `#小程序://京东购物丨点外卖领国补/…`.
      const source = MINI_PROGRAM_APPS.get(m[1]!.split(/[丨|｜]/)[0]!);
      const start = m.index ?? 0;
      if (source)
        atoms.push({
          start,
          end: start + m[0].length,
          source,
          affiliate: null,
          kind: 'deep-link',
          evidence: `小程序 ${m[1]}`,
        });
    }
  }
  for (const m of scanNear(text, 'ages/', MINI_PROGRAM_PATH, (at) => miniProgramStarts(text, at))) {
    const hit = MINI_PROGRAM_PATHS.find((p) => p.path.test(m[0]));
    if (hit) {
      atoms.push({
        start: m.index,
        end: m.index + m[0].length,
        source: hit.source,
        affiliate: null,
        kind: 'deep-link',
        evidence: `mini-program path ${m[0].split('?')[0]}`,
      });
    }
  }
  return atoms.sort((a, b) => a.start - b.start);
}

// Test support for the content DOM tests: a fixture dashboard page loaded into happy-dom's document, its inline
// app script run as the browser would, and hand-made judged links for scanner-level tests.
import { readFileSync } from 'node:fs';
import { URL as NodeURL, fileURLToPath } from 'node:url';
import type { Decision, JudgedLink, LinkFinding, Source, Verdict } from '../../src/core/types';
import type { Judges } from '../../src/content/page/scan';

const PAGES = fileURLToPath(new NodeURL('../fixtures/pages/', import.meta.url));

export function fixtureHtml(id: string): string {
  return readFileSync(`${PAGES}${id}.html`, 'utf8');
}

export function fixtureUrl(html: string): string {
  const url = /<meta\s+name="cartlint-fixture-url"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error('fixture page without cartlint-fixture-url');
  return url;
}

/** Where the pages load the shared fixture runtime from; the e2e harness serves it there (fixtures.ts). */
const KIT_SRC = '/__cartlint_fixture__/fixture-kit.js';

/** Replaces the test document with the fixture page at its real URL and runs its app script, the shared kit. */
export function loadFixture(id: string, { demo = false }: { demo?: boolean } = {}): { url: string } {
  const html = fixtureHtml(id);
  const url = fixtureUrl(html);
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(demo ? `${url}?demo=1` : url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const kitTag = parsed.querySelector(`script[src="${KIT_SRC}"]`);
  if (!kitTag) throw new Error(`fixture page ${id} does not load ${KIT_SRC}`);
  // The kit goes in inline where its tag stands (happy-dom would otherwise fetch the src from the real host). Like
  // before the move, only the kit runs here, not a page's own inline scripts.
  const kit = readFileSync(`${PAGES}fixture-kit.js`, 'utf8');
  kitTag.removeAttribute('src');
  kitTag.textContent = kit;
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  new Function(kit)();
  if (document.body.getAttribute('data-mount') === 'iframe') window.dispatchEvent(new Event('load'));
  return { url };
}

export function link(text: string, source: Source, start = 0): LinkFinding {
  return { text, start, end: start + text.length, source, affiliate: null, kind: 'url', evidence: 'test' };
}

export function decision(verdict: Verdict, since?: string): Decision {
  return {
    verdict,
    rule: verdict === 'allowed' ? null : 'TEST-1',
    reason: { zh: `测试：${verdict}`, en: `test: ${verdict}` },
    ...(since ? { since } : {}),
  };
}

/** Judges that flag every occurrence of the given words: enough to drive the scanner without the core. */
export function wordJudges(
  verdicts: Record<string, Verdict>,
  since = '2022-03-01T00:00:00+08:00',
): Judges & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    text(text) {
      calls.push(text);
      const found: JudgedLink[] = [];
      for (const [word, verdict] of Object.entries(verdicts)) {
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
          found.push({ link: link(word, 'taobao', at), decision: decision(verdict, since) });
        }
      }
      return found.sort((a, b) => a.link.start - b.link.start);
    },
    badge: (badge) => decision(badge.source === 'taobao' || badge.source === 'jd' ? 'banned' : 'allowed', since),
  };
}

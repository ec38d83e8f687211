// Preact's one innerHTML write serves `dangerouslySetInnerHTML`, which cartlint never uses (page text is never
// HTML here). Bundled, that write is the only "Unsafe assignment to innerHTML" web-ext lint reports and AMO
// reviewers inspect. This plugin replaces it with a throw: the warning goes, and any future use of
// dangerouslySetInnerHTML fails loudly instead of writing HTML. If Preact's code changes shape, the build stops
// here rather than shipping the write unnoticed.
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** The minified statement `(dom.innerHTML = newHtml.__html)` in preact's diff. */
const WRITE = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
const THROW = '(()=>{throw new Error("cartlint: dangerouslySetInnerHTML is not allowed")})()';

export function withoutInnerHtml(code: string, id: string): string {
  const writes = code.match(WRITE) ?? [];
  if (writes.length !== 1 || /\.innerHTML\s*=[^=]/.test(code.replace(WRITE, ''))) {
    throw new Error(
      `${id}: expected exactly one innerHTML write (dangerouslySetInnerHTML); Preact changed, update scripts/no-inner-html.ts`,
    );
  }
  return code.replace(WRITE, THROW);
}

export function noInnerHtml(): Plugin {
  return {
    name: 'cartlint:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      return PREACT.test(id.replace(/\?.*$/, '')) ? { code: withoutInnerHtml(code, id), map: null } : null;
    },
  };
}

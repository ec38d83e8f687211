import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { noInnerHtml, withoutInnerHtml } from './no-inner-html';

const preactFile = createRequire(import.meta.url).resolve('preact');

describe('no innerHTML in the bundled Preact', () => {
  it('replaces the one write in the installed Preact with a throw and leaves reads alone', () => {
    const code = readFileSync(preactFile, 'utf8');
    const out = withoutInnerHtml(code, preactFile);
    expect(out).not.toMatch(/\.innerHTML\s*=[^=]/);
    expect(out).toContain('dangerouslySetInnerHTML is not allowed');
    expect(out.length).toBeGreaterThan(code.length - 100);
  });

  it('stops the build when the code has no such write or more than one', () => {
    expect(() => withoutInnerHtml('a.textContent=b', 'x.mjs')).toThrow(/Preact changed/);
    expect(() => withoutInnerHtml('(t.innerHTML=h.__html);(u.innerHTML=v.__html)', 'x.mjs')).toThrow(/exactly one/);
    expect(() => withoutInnerHtml('(t.innerHTML=h.__html);e.innerHTML=s', 'x.mjs')).toThrow(/exactly one/);
  });

  it('touches only preact/dist/preact.mjs', () => {
    const transform = noInnerHtml().transform as (code: string, id: string) => { code: string } | null;
    expect(transform('(t.innerHTML=h.__html)', '/r/node_modules/preact/dist/preact.mjs')!.code).not.toContain(
      'innerHTML=',
    );
    expect(transform('(t.innerHTML=h.__html)', '/r/node_modules/preact/hooks/dist/hooks.mjs')).toBeNull();
  });
});

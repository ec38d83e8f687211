// The Vite settings every cartlint bundle shares. scripts/build.ts merges one entry's settings on top of these
// (pages, background, content script, CLI) and runs Vite's build API once per entry; `npm run build` is the way
// to build, this file alone describes no entry.
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';
import { builtInRulesCompact } from './scripts/built-in-compact';
import { noInnerHtml } from './scripts/no-inner-html';

export const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** The oldest browsers the manifest admits: minimum_chrome_version 102, gecko strict_min_version 140.0 (ESR). */
export const BROWSER_TARGET = ['chrome102', 'firefox140'];

/** A fresh config each call: plugin instances keep per-build state, so two builds must not share them. */
export function sharedConfig(): InlineConfig {
  return {
    root: ROOT,
    configFile: false,
    envDir: false,
    // Extension pages are opened from chrome-extension:// and moz-extension:// origins: only relative URLs work.
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), noInnerHtml(), builtInRulesCompact()],
    // Libraries that test process.env.NODE_ENV must see production, including in library (IIFE) builds,
    // where Vite leaves process.env alone.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: BROWSER_TARGET,
      // Source maps would carry this machine's absolute paths into the stores' packages; AMO reviews the
      // sources zip instead (npm run package).
      sourcemap: false,
      minify: true,
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // Chrome 102 and Firefox 142 preload modules natively; the polyfill would be dead code in every page.
      modulePreload: { polyfill: false },
    },
  };
}

export default defineConfig(sharedConfig());

// The built-in rule files as bundles carry them (src/rules/compact.ts): the rule files stay in the format a user
// imports, and each bundle's copy of one is its compact form with the call that expands it on load. Applied to
// the rule files src/rules/built-in.ts imports, by every Vite build (vite.config.ts) and by the esbuild bundles
// of the bench and the tests; tsx and vitest read the files as they are (scripts/built-in-check.ts proves both
// give the same rules).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';
import type { Rule } from '../src/core/types';
import { compactRules } from '../src/rules/compact';

const RULES_DIR = fileURLToPath(new URL('../src/rules/', import.meta.url));
const IMPORTER = join(RULES_DIR, 'built-in.ts');
const EXPANDER = join(RULES_DIR, 'compact.ts');
/** No `.json` in the id, or the bundlers' JSON loaders would take the module back. */
const PREFIX = '\0cartlint-built-in:';

/** The compact form of a rule file's rules, as the module a bundle carries for it states them. */
export function compactFile(json: { rules: readonly unknown[] }) {
  return json.rules.length ? compactRules(json.rules as Rule[]) : null;
}

/** The module standing in for the rule file at `path`: its `rules`, compact, expanded when the bundle loads. */
export function compactModule(path: string): string {
  const compact = compactFile(JSON.parse(readFileSync(path, 'utf8')) as { rules: unknown[] });
  if (!compact) return 'export const rules = [];';
  return `import { expandRules } from ${JSON.stringify(EXPANDER)};\nexport const rules = expandRules(${JSON.stringify(compact)});`;
}

/** A rule file that built-in.ts imports, by its absolute path; null for every other import. */
function ruleFile(source: string, importer: string | undefined): string | null {
  if (importer?.replace(/\?.*$/, '') !== IMPORTER || !/^\.\/[\w-]+\.json$/.test(source)) return null;
  return join(dirname(IMPORTER), source);
}

export function builtInRulesCompact(): Plugin {
  return {
    name: 'cartlint:built-in-compact',
    enforce: 'pre',
    resolveId(source, importer) {
      const path = ruleFile(source, importer);
      return path && PREFIX + path.replace(/\.json$/, '');
    },
    load(id) {
      return id.startsWith(PREFIX) ? compactModule(`${id.slice(PREFIX.length)}.json`) : null;
    },
  };
}

export function builtInRulesCompactEsbuild(): EsbuildPlugin {
  return {
    name: 'cartlint:built-in-compact',
    setup(build) {
      build.onResolve({ filter: /\.json$/ }, ({ path, importer }) => {
        const file = ruleFile(path, importer);
        return file ? { path: file, namespace: 'cartlint-built-in' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'cartlint-built-in' }, ({ path }) => ({
        contents: compactModule(path),
        loader: 'js',
        resolveDir: RULES_DIR,
      }));
    },
  };
}

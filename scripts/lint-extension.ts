// npm run lint:ext: both built extensions through web-ext lint (Mozilla's addons-linter, what AMO runs on upload)
// and through our own checks (scripts/ext-checks.ts). Errors and warnings fail; a warning that cannot be fixed
// on our side would have to be listed in ACCEPTED with its reason — today none is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import webExt, { type LintMessage } from 'web-ext';
import { outDirFor } from './build';
import {
  classicScriptProblems,
  htmlProblems,
  localeProblems,
  managedSchemaProblems,
  missingFiles,
  permissionProblems,
  readLocales,
} from './ext-checks';
import { BROWSERS, type Browser } from './manifest';

/**
 * addons-linter judges a folder as a Firefox add-on. The Chrome build lacks Firefox's keys on purpose (its own
 * manifest has service_worker alone, no gecko id, no data-collection declaration), so these findings say nothing
 * about it; every other finding counts for Chrome too.
 */
const FIREFOX_ONLY: Record<string, string> = {
  BACKGROUND_SERVICE_WORKER_NOFALLBACK:
    'Chrome runs background.service_worker; Firefox gets background.scripts in its own build',
  ADDON_ID_REQUIRED: 'the gecko id is in the Firefox build only',
  MISSING_DATA_COLLECTION_PERMISSIONS: 'gecko.data_collection_permissions is in the Firefox build only',
};

/** Warnings we cannot fix, by code, with the reason. Keep empty unless a reviewer could accept the reason. */
const ACCEPTED: Record<string, string> = {};

const CLASSIC_SCRIPTS = ['background.js', 'content.js'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Our own checks over one built folder. */
export function ownChecks(dir: string): string[] {
  const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const problems = [...missingFiles(manifest, dir), ...permissionProblems(manifest)];
  const texts: Record<string, string> = { 'manifest.json': manifestText };
  for (const path of filesUnder(dir)) {
    const file = relative(dir, path).split('\\').join('/');
    if (/\.(html|css)$/.test(file)) texts[file] = readFileSync(path, 'utf8');
    if (file.endsWith('.html')) problems.push(...htmlProblems(texts[file]!, file, (ref) => existsSync(join(dir, ref))));
    if (CLASSIC_SCRIPTS.includes(file)) problems.push(...classicScriptProblems(readFileSync(path, 'utf8'), file));
  }
  problems.push(...localeProblems(texts, readLocales(dir)));
  const schema = ((manifest.storage ?? {}) as Record<string, unknown>).managed_schema;
  if (typeof schema === 'string' && existsSync(join(dir, schema))) {
    problems.push(...managedSchemaProblems(JSON.parse(readFileSync(join(dir, schema), 'utf8'))));
  }
  return problems;
}

const where = (m: LintMessage) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
const show = (m: LintMessage) => `${m.code}: ${m.message}${where(m)}`;

async function lintOne(browser: Browser): Promise<{ failures: string[]; notes: string[] }> {
  const dir = outDirFor(browser);
  if (!existsSync(join(dir, 'manifest.json')))
    return { failures: [`${dir} is not built; run npm run build first`], notes: [] };
  const result = await webExt.cmd.lint(
    {
      sourceDir: dir,
      output: 'none',
      boring: true,
      metadata: false,
      pretty: false,
      privileged: false,
      selfHosted: false,
      warningsAsErrors: false,
    },
    { shouldExitProgram: false },
  );
  const irrelevant = (m: LintMessage) => browser !== 'firefox' && m.code in FIREFOX_ONLY;
  const failures = [
    ...result.errors.filter((m) => !irrelevant(m)).map((m) => `error ${show(m)}`),
    ...result.warnings.filter((m) => !irrelevant(m) && !(m.code in ACCEPTED)).map((m) => `warning ${show(m)}`),
    ...ownChecks(dir),
  ];
  const notes = [
    ...[...result.errors, ...result.warnings]
      .filter(irrelevant)
      .map((m) => `ignored ${m.code}: ${FIREFOX_ONLY[m.code]}`),
    ...result.warnings.filter((m) => m.code in ACCEPTED).map((m) => `accepted ${show(m)}: ${ACCEPTED[m.code]}`),
    ...result.notices.map((m) => `notice ${show(m)}`),
  ];
  return { failures, notes };
}

async function main(): Promise<number> {
  let failed = 0;
  for (const browser of BROWSERS) {
    const { failures, notes } = await lintOne(browser);
    console.log(`extension/${browser}: ${failures.length ? `${failures.length} problem(s)` : 'ok'}`);
    for (const line of [...failures, ...notes]) console.log(`  ${line}`);
    failed += failures.length;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

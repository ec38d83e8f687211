#!/usr/bin/env node
// The command line over the same core as the extension: classify, check, notice, rules.
// `main` takes its streams, environment and clock as arguments so tests run it in-process; the few lines at the
// bottom run it when this file is executed (node dist/cli/cartlint.js, npx cartlint).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { classify } from '../core/extract';
import { judgeText } from '../core/judge';
import { notice } from '../core/notice';
import { PLATFORMS, type Lang } from '../core/types';
import { t, type MessageKey } from '../i18n';
import { runCheck, type Format } from './check';
import { cliLang, emit, openLines, Progress, UsageError, usageError, type CliIo } from './io';
import { choice, COMMON, JUDGING, langOption, parseOptions, RULES, target } from './options';
import { listRules, rulesFor, validateFile } from './rules-command';

export type { CliIo } from './io';

const USAGE: Record<string, MessageKey> = {
  classify: 'cli_usage_classify',
  check: 'cli_usage_check',
  notice: 'cli_usage_notice',
  rules: 'cli_usage_rules',
};

type Command = (argv: string[], io: CliIo, lang: Lang) => Promise<number>;

const stringOption = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function help(io: CliIo, lang: Lang, key: MessageKey): Promise<number> {
  await emit(io.stdout, `${t(lang, key)}\n`);
  return 0;
}

const classifyCommand: Command = async (argv, io, lang) => {
  const { values, positionals } = parseOptions(argv, COMMON, lang);
  if (values.help) return help(io, lang, 'cli_usage_classify');
  if (positionals.length > 1) throw usageError(lang, 'cli_err_many_files');
  const progress = new Progress(io, lang);
  for await (const input of await openLines(positionals[0], io, lang)) {
    const links = classify(input).map(({ text, start, end, source, affiliate, kind, evidence }) => ({
      text,
      start,
      end,
      source,
      affiliate,
      kind,
      evidence,
    }));
    await emit(io.stdout, `${JSON.stringify({ input, links })}\n`);
    await progress.tick();
  }
  return 0;
};

const checkCommand: Command = async (argv, io, lang) => {
  const options = {
    ...JUDGING,
    format: { type: 'string', short: 'f' },
    column: { type: 'string', short: 'c' },
  } as const;
  const { values, positionals } = parseOptions(argv, options, lang);
  if (values.help) return help(io, lang, 'cli_usage_check');
  const where = target(values, io.now, lang);
  // A person at a terminal gets the table; a pipe or a file gets JSON lines.
  const format = choice<Format>(
    values.format,
    ['json', 'table', 'csv'],
    '--format',
    lang,
    io.stdout.isTTY ? 'table' : 'json',
  );
  if (positionals.length > 1) throw usageError(lang, 'cli_err_many_files');
  const column = stringOption(values.column);
  const rules = await rulesFor(stringOption(values.rules), lang);
  const banned = await runCheck({ target: where, format, column, file: positionals[0], lang, rules }, io);
  return banned ? 1 : 0;
};

const noticeCommand: Command = async (argv, io, lang) => {
  const { values, positionals } = parseOptions(argv, JUDGING, lang);
  if (values.help) return help(io, lang, 'cli_usage_notice');
  const where = target(values, io.now, lang);
  const text = positionals.join(' ');
  if (text.trim() === '') throw usageError(lang, 'cli_err_notice_link');
  const rules = await rulesFor(stringOption(values.rules), lang);
  const judged = judgeText(text, { ...where, rules });
  if (judged.length === 0) throw usageError(lang, 'cli_err_no_link', text);
  const context = { platform: where.platform, surface: where.surface, rules, lang };
  await emit(io.stdout, `${judged.map((one) => notice(one, context)).join('\n\n')}\n`);
  return 0;
};

const rulesCommand: Command = async (argv, io, lang) => {
  const options = {
    ...COMMON,
    ...RULES,
    validate: { type: 'string' },
    platform: { type: 'string', short: 'p' },
  } as const;
  const { values, positionals } = parseOptions(argv, options, lang);
  if (values.help) return help(io, lang, 'cli_usage_rules');
  if (positionals.length > 0) throw usageError(lang, 'cli_err_arguments', positionals.join(' '));
  const validate = stringOption(values.validate);
  if (validate !== undefined) return validateFile(validate, lang, io);
  const platform = values.platform === undefined ? undefined : choice(values.platform, PLATFORMS, '--platform', lang);
  await listRules(await rulesFor(stringOption(values.rules), lang), platform, lang, io);
  return 0;
};

const COMMANDS: Record<string, Command> = {
  classify: classifyCommand,
  check: checkCommand,
  notice: noticeCommand,
  rules: rulesCommand,
};

/** Runs one command line; resolves to the exit code (0 fine, 1 something banned, 2 usage or input error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  let lang: Lang = 'en';
  try {
    lang = cliLang(langOption(argv), io.env);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      return await help(io, lang, 'cli_usage_main');
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(t(lang, 'cli_err_unknown_command', name));
    return await command(rest, io, lang);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const hint = USAGE[name ?? ''] ? t(lang, 'cli_hint_help', name!) : t(lang, 'cli_hint_help_main');
    await emit(io.stderr, `${t(lang, 'cli_error', error.message)}\n${hint}\n`);
    return 2;
  }
}

function runningAsScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (runningAsScript()) {
  // `cartlint check … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Not the user's mistake (those exit 2): a bug, reported with its stack.
      process.stderr.write(
        `${t(cliLang(undefined, process.env), 'cli_error', (error as Error).stack ?? String(error))}\n`,
      );
      process.exitCode = 3;
    },
  );
}

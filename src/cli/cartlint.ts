#!/usr/bin/env node
// The command line over the same core as the extension: classify, check, notice, rules.
// `main` takes its streams, environment and clock as arguments so tests run it in-process; the few lines at the
// bottom run it when this file is executed (node dist/cli/cartlint.js, npx cartlint).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { classify } from '../core/extract';
import { judgeText } from '../core/judge';
import { notice } from '../core/notice';
import { PLATFORMS, type Lang } from '../core/types';
import { t, type MessageKey } from '../i18n';
import { FORMATS, runCheck, type Format } from './check';
import {
  cliLang,
  emit,
  openLines,
  OutputError,
  Progress,
  streamWriter,
  UsageError,
  usageError,
  type CliIo,
} from './io';
import { choice, COMMON, JUDGING, langOption, parseOptions, RULES, target } from './options';
import { Memo } from './memo';
import { HeldBytes } from './report';
import { listRules, rulesFor, validateFile } from './rules-command';
import { printable } from './table';

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
  // Each distinct line's output line, worked out and encoded once.
  const output = new Memo((input) =>
    Buffer.from(
      `${JSON.stringify({
        input,
        links: classify(input).map(({ text, start, end, source, affiliate, kind, evidence }) => ({
          text,
          start,
          end,
          source,
          affiliate,
          kind,
          evidence,
        })),
      })}\n`,
    ),
  );
  const held = new HeldBytes();
  for await (const batch of await openLines(positionals[0], io, lang)) {
    for (const input of batch) held.push(output.get(input));
    await emit(io.stdout, held.take());
    await progress.tick(batch.length);
  }
  return 0;
};

const checkCommand: Command = async (argv, io, lang) => {
  const options = {
    ...JUDGING,
    format: { type: 'string', short: 'f' },
    column: { type: 'string', short: 'c', multiple: true },
    sheet: { type: 'string' },
    output: { type: 'string', short: 'o' },
  } as const;
  const { values, positionals } = parseOptions(argv, options, lang);
  if (values.help) return help(io, lang, 'cli_usage_check');
  const where = target(values, io.now, lang);
  // A person at a terminal gets the table; a pipe or a file gets JSON lines.
  const output = stringOption(values.output);
  const format = choice<Format>(
    values.format,
    FORMATS,
    '--format',
    lang,
    io.stdout.isTTY && !output ? 'table' : 'json',
  );
  if (positionals.length > 1) throw usageError(lang, 'cli_err_many_files');
  const columns = Array.isArray(values.column) ? values.column.filter((c): c is string => typeof c === 'string') : [];
  const rules = await rulesFor(stringOption(values.rules), lang);
  const sheet = stringOption(values.sheet);
  const banned = await runCheck(
    { target: where, format, columns, sheet, file: positionals[0], output, lang, rules },
    io,
  );
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
  await emit(io.stdout, `${printable(judged.map((one) => notice(one, context)).join('\n\n'))}\n`);
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

/**
 * Runs one command line; resolves to the exit code: 0 fine, 1 something banned, 2 anything that went wrong (a
 * usage or input error, a failed write, a bug), always with a message and never a stack. A reader that closes the
 * pipe early (`| head`) is not an error: the code is what was judged until then.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  let lang: Lang = 'en';
  let message: string;
  try {
    lang = cliLang(langOption(argv), io.env);
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      return await help(io, lang, 'cli_usage_main');
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(t(lang, 'cli_err_unknown_command', name));
    return await command(rest, io, lang);
  } catch (error) {
    if (error instanceof OutputError && error.code === 'EPIPE') return 0;
    if (error instanceof UsageError) {
      const hint = USAGE[name ?? ''] ? t(lang, 'cli_hint_help', name!) : t(lang, 'cli_hint_help_main');
      message = `${t(lang, 'cli_error', error.message)}\n${hint}`;
    } else if (error instanceof OutputError) {
      message = t(lang, 'cli_error', t(lang, 'cli_err_write', error.code ?? '?'));
    } else {
      message = t(lang, 'cli_error', t(lang, 'cli_err_internal', (error as Error)?.message ?? String(error)));
    }
  }
  try {
    // Messages quote file names, headers and rule text: their control characters are shown, not obeyed.
    await emit(io.stderr, `${printable(message)}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it.
  }
  return 2;
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

/**
 * V8 optimises a function once it has run for a budget of bytecode. A command's run is short and on one core, where
 * the optimising compiler takes turns with the work: at the default budget it compiles much of the core while the
 * first few thousand inputs are judged, and the run is slower than in the interpreter. A larger budget leaves the
 * first seconds to the baseline tiers and still optimises what a long input keeps hot: on 100,000 mixed inputs
 * classify 0.59 → 0.46 s and check 0.89 → 0.68 s of CPU, and 300,000 distinct ones take as long as before (a
 * budget twice this size made those 10 % slower). Set before the core's functions first run.
 */
const INTERRUPT_BUDGET = 1_000_000;

if (runningAsScript()) {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  const stdout = streamWriter(process.stdout);
  const stderr = streamWriter(process.stderr);
  main(process.argv.slice(2), { stdin: process.stdin, stdout, stderr, env: process.env, now: new Date() }).then(
    (code) => {
      process.exitCode = code;
      // A write that failed after the last one returned (a full disk) shows once the output is flushed.
      process.stdout.write('', () => {
        const failure = stdout.failure();
        if (!failure || failure.code === 'EPIPE' || code === 2) return;
        const lang = cliLang(undefined, process.env);
        process.stderr.write(`${t(lang, 'cli_error', t(lang, 'cli_err_write', failure.code ?? '?'))}\n`);
        process.exitCode = 2;
      });
    },
  );
}

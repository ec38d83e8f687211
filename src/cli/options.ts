// Command-line options: parsing, and the checks that turn a mistake into a message saying what to fix.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { beijingDay, beijingMidnight } from '../core/beijing-time';
import { PLATFORMS, SURFACES, type Lang, type Platform, type SurfaceOrUnknown } from '../core/types';
import { usageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON: Options = { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } };
/** A rule file to use over the built-in rules (same id replaces). */
export const RULES: Options = { rules: { type: 'string', short: 'r' } };
/** Options of commands that judge links. */
export const JUDGING: Options = {
  ...COMMON,
  ...RULES,
  platform: { type: 'string', short: 'p' },
  surface: { type: 'string', short: 's' },
  date: { type: 'string', short: 'd' },
};

/** The value of --lang before the full parse, so even parse errors speak the user's language. */
export function langOption(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
}

export function parseOptions(argv: string[], options: Options, lang: Lang) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw usageError(lang, 'cli_err_unknown_option', option);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw usageError(lang, 'cli_err_option_value', option);
    throw usageError(lang, 'cli_err_arguments', message);
  }
}

export function choice<T extends string>(
  value: unknown,
  choices: readonly T[],
  option: string,
  lang: Lang,
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw usageError(lang, 'cli_err_required', option, choices.join(', '));
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw usageError(lang, 'cli_err_choice', option, choices.join(', '), String(value));
}

const SURFACE_CHOICES: readonly SurfaceOrUnknown[] = [...SURFACES, 'unknown'];

export interface Target {
  platform: Platform;
  surface: SurfaceOrUnknown;
  at: Date;
}

/** --platform, --surface and --date (a Beijing day; today in Beijing when absent, whatever the machine's zone). */
export function target(values: Record<string, unknown>, now: Date, lang: Lang): Target {
  const platform = choice(values.platform, PLATFORMS, '--platform', lang);
  const surface = choice(values.surface, SURFACE_CHOICES, '--surface', lang);
  const day = typeof values.date === 'string' ? values.date : beijingDay(now);
  const at = beijingMidnight(day);
  if (!at) throw usageError(lang, 'cli_err_date', day);
  return { platform, surface, at };
}

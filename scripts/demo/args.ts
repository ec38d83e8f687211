// `npm start [-- --firefox] [--headless] [--out DIR] [--lang zh|en]`: which browser, with or without a window,
// where the headless run writes its screenshots, and the language of what it prints.
import { parseArgs } from 'node:util';
import type { Lang } from '../../src/core/types';
import { langFromLocale } from '../../src/i18n';

export interface DemoOptions {
  browser: 'chromium' | 'firefox';
  headless: boolean;
  /** Set when the run is headless only because there is no display (said once, so nobody waits for a window). */
  noDisplay: boolean;
  out: string;
  lang: Lang;
  help: boolean;
}

export const DEFAULT_OUT = 'artifacts/demo';

export class DemoUsageError extends Error {
  override name = 'DemoUsageError';
}

export function parseDemoArgs(argv: readonly string[], env: Record<string, string | undefined>): DemoOptions {
  // biome-ignore lint/suspicious/noImplicitAnyLet: assigned once in the try below, typed by parseArgs there
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        firefox: { type: 'boolean', default: false },
        headless: { type: 'boolean', default: false },
        out: { type: 'string', default: DEFAULT_OUT },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') {
    throw new DemoUsageError(`--lang ${values.lang}: zh, en`);
  }
  // Chromium and Firefox both need X11 or Wayland for a window; without one they only run headless.
  const noDisplay = !env.DISPLAY && !env.WAYLAND_DISPLAY;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return {
    browser: values.firefox ? 'firefox' : 'chromium',
    headless: values.headless || noDisplay,
    noDisplay: noDisplay && !values.headless,
    out: values.out,
    lang: (values.lang as Lang | undefined) ?? langFromLocale(locale?.replace(/\..*$/, '')),
    help: values.help,
  };
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT, DemoUsageError, parseDemoArgs } from './args';

const DISPLAY = { DISPLAY: ':0', LANG: 'en_US.UTF-8' };

describe('parseDemoArgs', () => {
  it('opens Chromium with a window when there is a display', () => {
    expect(parseDemoArgs([], DISPLAY)).toEqual({
      browser: 'chromium',
      headless: false,
      noDisplay: false,
      out: DEFAULT_OUT,
      lang: 'en',
      help: false,
    });
  });

  it('takes --firefox, --headless, --out and --lang', () => {
    const options = parseDemoArgs(['--firefox', '--headless', '--out', '/tmp/shots', '--lang', 'zh'], DISPLAY);
    expect(options).toMatchObject({
      browser: 'firefox',
      headless: true,
      noDisplay: false,
      out: '/tmp/shots',
      lang: 'zh',
    });
  });

  it('runs headless without a display, and says so only when --headless was not asked for', () => {
    expect(parseDemoArgs([], {})).toMatchObject({ headless: true, noDisplay: true });
    expect(parseDemoArgs(['--headless'], {})).toMatchObject({ headless: true, noDisplay: false });
    expect(parseDemoArgs([], { WAYLAND_DISPLAY: 'wayland-0' })).toMatchObject({ headless: false });
  });

  it('speaks Chinese under a Chinese locale', () => {
    expect(parseDemoArgs([], { LANG: 'zh_CN.UTF-8' }).lang).toBe('zh');
    expect(parseDemoArgs([], { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }).lang).toBe('en');
  });

  it('rejects unknown options and languages', () => {
    expect(() => parseDemoArgs(['--chrome'], DISPLAY)).toThrow(DemoUsageError);
    expect(() => parseDemoArgs(['--lang', 'fr'], DISPLAY)).toThrow(DemoUsageError);
    expect(() => parseDemoArgs(['extra'], DISPLAY)).toThrow(DemoUsageError);
  });
});

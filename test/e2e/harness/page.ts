// One page API over Playwright's and Puppeteer's pages, so each end-to-end test is written once and runs in
// Chromium and Firefox alike. Waiting is always on a condition, polled in the page (no string eval: extension
// pages forbid it by CSP).

/** The few calls both libraries offer under the same meaning; each harness adapts its page to this. */
export interface DriverPage {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: string): Promise<void>;
  typeKeys(text: string): Promise<void>;
  pressKey(key: 'Enter' | 'Tab' | 'Backspace' | 'Escape'): Promise<void>;
  /** The page, or only the element matching `selector`. */
  screenshot(path: string, selector?: string): Promise<void>;
  /** Chooses a file on an <input type=file> as the user's file dialog would (absolute path). */
  setInputFile(selector: string, path: string): Promise<void>;
  /** Makes the tab the selected one: a background tab's document has no focus, so focus events do not fire. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** The page's frame (any depth, cross-origin too) whose address starts with `urlPrefix`, now; null if none. */
  frame(urlPrefix: string): DriverPage | null;
}

export const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 50;

export class TestPage {
  constructor(
    private readonly driver: DriverPage,
    /** The library's own page, for the rare browser-specific step (dialogs, CDP). */
    readonly raw: unknown,
  ) {}

  url(): string {
    return this.driver.url();
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.driver.evaluate(fn, arg as A);
  }

  /** Polls `fn` in the page until it returns a truthy value, and returns that value. */
  async waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    { timeout = DEFAULT_WAIT_MS, what = fn.toString().slice(0, 160) }: { timeout?: number; what?: string } = {},
  ): Promise<NonNullable<R>> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await this.driver.evaluate(fn, arg as A);
        if (value) return value as NonNullable<R>;
        lastError = undefined;
      } catch (error) {
        // A navigation in flight destroys the execution context; try again on the new document.
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeout} ms waiting for: ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  async waitForSelector(selector: string, options: { timeout?: number } = {}): Promise<void> {
    await this.waitFor((s) => document.querySelector(s) !== null, selector, {
      ...options,
      what: `selector ${selector}`,
    });
  }

  async waitForNoSelector(selector: string, options: { timeout?: number } = {}): Promise<void> {
    await this.waitFor((s) => document.querySelector(s) === null, selector, { ...options, what: `no ${selector}` });
  }

  async click(selector: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.driver.click(selector);
  }

  /** Real key presses into the field (focus first, caret at the end). */
  async type(selector: string, text: string): Promise<void> {
    await this.focusAtEnd(selector);
    await this.driver.typeKeys(text);
  }

  pressKey(key: 'Enter' | 'Tab' | 'Backspace' | 'Escape'): Promise<void> {
    return this.driver.pressKey(key);
  }

  /**
   * What a paste does to a field: a cancelable `paste` event carrying the text, then (unless the page took
   * it over) the text inserted through the editing pipeline, which fires beforeinput/input like the real
   * thing, on inputs, textareas and contenteditable alike. Works the same in both browsers, without the
   * OS clipboard.
   */
  async paste(selector: string, text: string): Promise<void> {
    await this.focusAtEnd(selector);
    await this.driver.evaluate(
      ({ selector, text }) => {
        const target = document.querySelector(selector) as HTMLElement;
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const event = new ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        if (target.dispatchEvent(event)) document.execCommand('insertText', false, text);
      },
      { selector, text },
    );
  }

  /** Empties a field the way a user would (select all, delete), so the page and cartlint see an edit. */
  async clear(selector: string): Promise<void> {
    await this.focusAtEnd(selector);
    await this.driver.evaluate((s) => {
      const target = document.querySelector(s) as HTMLElement;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
      else document.getSelection()?.selectAllChildren(target);
      document.execCommand('delete');
    }, selector);
  }

  text(selector: string): Promise<string> {
    return this.driver.evaluate((s) => {
      const el = document.querySelector(s);
      return el ? ((el as HTMLElement).innerText ?? el.textContent ?? '') : '';
    }, selector);
  }

  attribute(selector: string, name: string): Promise<string | null> {
    return this.driver.evaluate(({ s, name }) => document.querySelector(s)?.getAttribute(name) ?? null, {
      s: selector,
      name,
    });
  }

  screenshot(path: string, selector?: string): Promise<void> {
    return this.driver.screenshot(path, selector);
  }

  /** Chooses an option of a <select> the way the UI sees it: value set, then `input` and `change`. */
  async select(selector: string, value: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.driver.evaluate(
      ({ selector, value }) => {
        const select = document.querySelector(selector) as HTMLSelectElement;
        select.focus();
        select.value = value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { selector, value },
    );
  }

  bringToFront(): Promise<void> {
    return this.driver.bringToFront();
  }

  async setInputFile(selector: string, path: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.driver.setInputFile(selector, path);
  }

  /** Moves the keyboard focus onto `selector` afresh (away first), in the selected tab: the page sees focusout/focusin. */
  async refocus(selector: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.driver.bringToFront();
    await this.driver.evaluate((s) => {
      const target = document.querySelector(s) as HTMLElement;
      target.blur();
      target.focus();
    }, selector);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** The frame whose address starts with `urlPrefix`, once it exists and its document has loaded; the keyboard is
   *  the page's, so type and press keys go wherever the focus is. */
  async frame(urlPrefix: string, { timeout = DEFAULT_WAIT_MS }: { timeout?: number } = {}): Promise<TestPage> {
    const driver = await eventually(
      async () => {
        const frame = this.driver.frame(urlPrefix);
        return frame && (await frame.evaluate(() => document.readyState === 'complete', undefined)) ? frame : null;
      },
      { timeout, what: `a frame at ${urlPrefix}` },
    );
    return new TestPage(driver, this.raw);
  }

  private async focusAtEnd(selector: string): Promise<void> {
    await this.waitForSelector(selector);
    await this.driver.evaluate((s) => {
      const target = document.querySelector(s) as HTMLElement;
      target.scrollIntoView({ block: 'center' });
      target.focus();
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
        const end = target.value.length;
        target.setSelectionRange(end, end);
      } else if (target.isContentEditable) {
        const range = document.createRange();
        range.selectNodeContents(target);
        range.collapse(false);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    }, selector);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a Node-side condition (for state read through another page, e.g. the badge). */
export async function eventually<R>(
  fn: () => Promise<R>,
  { timeout = DEFAULT_WAIT_MS, what = 'condition' }: { timeout?: number; what?: string } = {},
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  let last: R | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as NonNullable<R>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what} (last value: ${JSON.stringify(last)}${lastError ? `, last error: ${String(lastError)}` : ''})`,
      );
    }
    await sleep(POLL_MS);
  }
}

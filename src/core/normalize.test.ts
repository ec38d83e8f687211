import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it('reads a \\n, \\r or \\t escape as the break it stands for only before a link', () => {
    // `'感冒灵\nhttps://…'` in a code string: the break keeps the link apart from the word before it.
    expect(normalizeText('感冒灵\\nhttps://x.cn/a').text).toBe('感冒灵\nhttps://x.cn/a');
    expect(normalizeText('sku\\thttp://x.cn/a').text).toBe('sku\thttp://x.cn/a');
    // Elsewhere an escape stays as written: text full of them costs no more than any other.
    const log = 'line 1\\n\\tfoo\\r\\nline 2';
    expect(normalizeText(log).text).toBe(log);
  });
});

import { describe, expect, it } from 'vitest';
import { displayWidth, fitCells, printable, row } from './table';

describe('table', () => {
  it('counts Chinese and full-width characters as two cells', () => {
    expect(displayWidth('KS-4')).toBe(4);
    expect(displayWidth('淘宝')).toBe(4);
    expect(displayWidth('ｈｔｔｐ')).toBe(8);
    expect(displayWidth('a\u200bb')).toBe(2);
  });
  it('pads and cuts by cells', () => {
    expect(fitCells('淘宝', 6)).toBe('淘宝  ');
    expect(fitCells('直播间购物车', 7)).toBe('直播间…');
    expect(fitCells('直播间购物车', 8)).toBe('直播间… ');
    expect(displayWidth(fitCells('直播间购物车', 7))).toBe(7);
  });
  it('leaves the last column free and flattens newlines', () => {
    expect(row(['12', '禁止', 'a\nb'], [4, 6])).toBe('12    禁止    a b\n');
  });
  it('shows control characters instead of sending them to the terminal, keeping tabs and newlines', () => {
    expect(printable('\u001b[2J\u0007\u009b\u007f\tok\n')).toBe('␛[2J␇\\x9b\u2421\tok\n');
    expect(row(['\u001b[31mred', 'x'], [8])).toBe('␛[31mred  x\n');
  });
});

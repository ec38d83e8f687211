// A spreadsheet's column letters (A, B, …, Z, AA, …), both ways.

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 1-based column number of a cell reference's letters (`C`, `AA12`): A → 1, AA → 27; 0 when there are none. */
export function columnNumber(reference: string): number {
  let column = 0;
  for (const ch of reference.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** A cell reference's column and row (`C4` → 3, 4); null for anything else. */
export function cellAt(reference: string): { column: number; row: number } | null {
  const match = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(reference.trim());
  return match ? { column: columnNumber(match[1]!), row: Number(match[2]) } : null;
}

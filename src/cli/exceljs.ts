// exceljs is loaded the first time a workbook is read or written: a text check never pays for its 2 MB. unzipper
// (the zip reader exceljs itself uses) comes with it: workbook.ts reads the zip's parts through it.
import type ExcelJS from 'exceljs';

export type Excel = typeof ExcelJS;

/** The part of unzipper's API used here: the zip's central directory, and a stream of one part's bytes. */
export interface Unzipper {
  Open: { file(path: string): Promise<{ files: { path: string; stream(): NodeJS.ReadableStream }[] }> };
}

const moduleOf = <T>(module: { default?: T } & T): T => module.default ?? module;

export async function loadExcel(): Promise<Excel> {
  return moduleOf((await import('exceljs')) as { default?: Excel } & Excel);
}

export async function loadUnzipper(): Promise<Unzipper> {
  // @ts-expect-error unzipper ships no typings; the interface above says what is used
  return moduleOf((await import('unzipper')) as { default?: Unzipper } & Unzipper);
}

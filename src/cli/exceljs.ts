// exceljs is loaded the first time a workbook is read or written: a text check never pays for its 2 MB.
import type ExcelJS from 'exceljs';

export type Excel = typeof ExcelJS;

export async function loadExcel(): Promise<Excel> {
  const module = (await import('exceljs')) as { default?: Excel } & Excel;
  return module.default ?? module;
}

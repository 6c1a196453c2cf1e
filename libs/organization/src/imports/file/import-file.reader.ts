import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportsCode, ImportsException } from '../imports.exception';
import { RawRow, RawSheet } from './raw-sheet';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A cell of ExcelJS as text: dates as `YYYY-MM-DD`, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    // Excel dates carry no zone: ExcelJS hands them over as UTC midnight of the calendar day.
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === '');
}

/** Header = the first non-blank row; blank rows are skipped but still counted, as a spreadsheet does. */
function toSheet(format: RawSheet['format'], lines: RawRow[]): RawSheet {
  const filled = lines.filter((line) => !isBlank(line.cells));
  return { format, header: filled[0] ?? null, rows: filled.slice(1) };
}

/**
 * Reads an uploaded file: XLSX (first worksheet) when it is a zip container, otherwise CSV in
 * UTF-8 (with or without BOM). Cells come back trimmed; what they mean is the columns' business.
 */
@Injectable()
export class ImportFileReader {
  async read(content: Buffer): Promise<RawSheet> {
    if (content.subarray(0, 4).equals(ZIP_MAGIC)) return this.readXlsx(content);
    if (content.subarray(0, 4).equals(OLE_MAGIC)) {
      throw new ImportsException(
        ImportsCode.Unreadable,
        '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV（UTF-8）后导入',
      );
    }
    return this.readCsv(content);
  }

  private readCsv(content: Buffer): RawSheet {
    let text: string;
    try {
      // The decoder drops a leading BOM and refuses bytes that are not UTF-8 (e.g. a GBK export).
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new ImportsException(
        ImportsCode.Unreadable,
        '文件不是 UTF-8 编码的 CSV，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入',
      );
    }
    let records: string[][];
    try {
      records = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: false,
      }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      throw new ImportsException(
        ImportsCode.Unreadable,
        `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}：请检查引号是否成对`,
      );
    }
    return toSheet(
      'csv',
      records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) })),
    );
  }

  private async readXlsx(content: Buffer): Promise<RawSheet> {
    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS types its input as an ArrayBuffer; at run time it takes a Node Buffer.
      await workbook.xlsx.load(content as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    } catch {
      throw new ImportsException(ImportsCode.Unreadable, '无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ImportsException(ImportsCode.Unreadable, 'Excel 文件中没有工作表');
    const lines: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
      lines.push({ row: rowNumber, cells });
    });
    return toSheet('xlsx', lines);
  }
}

import ExcelJS from 'exceljs';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Most rows one export carries. Files are built in memory (an XLSX workbook cannot be streamed
 * through `exceljs`' buffer writer), so the cap bounds the memory of one request; a longer export is
 * cut at the cap and says so in the `x-linli-export-truncated` header.
 */
export const MAX_EXPORT_ROWS = 200_000;

export type ExportCell = string | number | null;

export interface ExportTable {
  /** Base file name without extension; may be Chinese. */
  fileName: string;
  sheetName: string;
  headers: string[];
  rows: ExportCell[][];
  truncated: boolean;
}

export interface ExportFile {
  contentType: string;
  contentDisposition: string;
  body: Buffer;
}

const BOM = '\uFEFF';

function csvCell(value: ExportCell): string {
  if (value === null) return '';
  const text = String(value);
  // Leading =, +, - or @ would make Excel evaluate the cell as a formula (CSV injection).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel reads the Chinese text right. */
export function toCsv(headers: string[], rows: ExportCell[][]): Buffer {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function toXlsx(sheetName: string, headers: string[], rows: ExportCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function renderExport(table: ExportTable, format: ExportFormat): Promise<ExportFile> {
  const fileName = `${table.fileName}.${format}`;
  if (format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      contentDisposition: attachment(fileName),
      body: toCsv(table.headers, table.rows),
    };
  }
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentDisposition: attachment(fileName),
    body: await toXlsx(table.sheetName, table.headers, table.rows),
  };
}

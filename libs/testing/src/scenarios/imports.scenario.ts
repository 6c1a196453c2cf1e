import ExcelJS from 'exceljs';
import { TestApi, TestResponse } from '../boot';

export type ImportCell = string | number | Date | null;

/** A CSV file (UTF-8, optionally with BOM) from rows of cells; cells are quoted when they need it. */
export function csvImportFile(rows: ImportCell[][], options: { bom?: boolean } = {}): Buffer {
  const text = rows
    .map((cells) =>
      cells
        .map((cell) => {
          const value = cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
          return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
        })
        .join(','),
    )
    .join('\r\n');
  return Buffer.concat([
    options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(`${text}\r\n`, 'utf8'),
  ]);
}

/** An XLSX workbook whose first sheet holds `rows` (Dates become real date cells). */
export async function xlsxImportFile(rows: ImportCell[][], sheetName = '导入'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const cells of rows) sheet.addRow(cells);
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface MultipartPart {
  name: string;
  value: string | Buffer;
  fileName?: string;
  contentType?: string;
}

/** A `multipart/form-data` body and its content type. */
export function multipartBody(parts: MultipartPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----linli-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ''}`;
    const type =
      part.fileName !== undefined ? `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `POST /api/v1/imports` with a `kind` field and one `file` part (the file name decides nothing; the content does). */
export function postImport(
  api: TestApi,
  token: string,
  kind: string,
  content: Buffer,
  fileName = 'import.csv',
): Promise<TestResponse> {
  const { payload, contentType } = multipartBody([
    { name: 'kind', value: kind },
    {
      name: 'file',
      value: content,
      fileName,
      contentType: fileName.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
    },
  ]);
  return api.request('POST', '/api/v1/imports', { token, payload, headers: { 'content-type': contentType } });
}

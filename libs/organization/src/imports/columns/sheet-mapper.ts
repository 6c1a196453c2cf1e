import { ImportKind } from '../import-kind';
import { ImportsCode, ImportsException, ImportInvalidException } from '../imports.exception';
import { RawSheet } from '../file/raw-sheet';
import { ImportColumn, IMPORT_COLUMNS } from './import-columns';
import { ImportTable } from './import-row';
import { RowErrors } from '../validation/row-errors';

/** One import accepts at most this many data rows. */
export const MAX_IMPORT_ROWS = 200_000;

/** `*编码`, ` Code ` → `编码`, `code`: a leading required-marker and case do not matter. */
function normalizeHeading(heading: string): string {
  return heading
    .replace(/^[*＊]\s*/, '')
    .trim()
    .toLowerCase();
}

function columnFor(heading: string, columns: readonly ImportColumn[]): ImportColumn | undefined {
  const normalized = normalizeHeading(heading);
  if (normalized === '') return undefined;
  return columns.find((column) => column.key.toLowerCase() === normalized || column.label === normalized);
}

/**
 * Maps a sheet onto the columns of `kind`. Headings are the English key or the Chinese label;
 * unknown columns are ignored (offices keep remarks next to the data); a missing required column
 * or one given twice is an error of the header row.
 */
export function mapSheet(kind: ImportKind, sheet: RawSheet): ImportTable {
  const columns = IMPORT_COLUMNS[kind];
  if (!sheet.header) throw new ImportsException(ImportsCode.Empty, '导入文件为空（没有表头和数据行）');
  const header = sheet.header;
  const errors = new RowErrors();
  const indexOf = new Map<string, number>();
  const headings: Record<string, string> = {};
  header.cells.forEach((heading, index) => {
    const column = columnFor(heading, columns);
    if (!column) return;
    if (indexOf.has(column.key)) {
      errors.add({
        row: header.row,
        column: heading,
        field: column.key,
        message: `列“${column.label}”（${column.key}）出现了不止一次`,
      });
      return;
    }
    indexOf.set(column.key, index);
    headings[column.key] = heading;
  });
  for (const column of columns) {
    if (column.required && !indexOf.has(column.key)) {
      errors.add({
        row: header.row,
        column: column.label,
        field: column.key,
        message: `缺少必填列“${column.label}”（${column.key}）`,
      });
    }
    headings[column.key] ??= column.label;
  }
  if (errors.count > 0) throw new ImportInvalidException(errors.sorted());
  if (sheet.rows.length === 0) throw new ImportsException(ImportsCode.Empty);
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new ImportsException(
      ImportsCode.TooManyRows,
      `导入文件有 ${sheet.rows.length} 行数据，一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入`,
    );
  }
  const rows = sheet.rows.map((raw) => {
    const values: Record<string, string> = {};
    for (const column of columns) {
      const index = indexOf.get(column.key);
      values[column.key] = index === undefined ? '' : (raw.cells[index] ?? '');
    }
    return { row: raw.row, values };
  });
  return { headerRow: header.row, headings, rows };
}

import { ImportRow, ImportTable } from '../columns/import-row';
import { RowErrors } from './row-errors';

interface TextOptions {
  required?: boolean;
  maxLength?: number;
}

const MAX_INTEGER = 2_147_483_647;

/** `2024-3-5`, `2024/03/05`, `2024.3.5` → `2024-03-05` when it is a real calendar day. */
export function parseDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads the cells of one row, adding a row error (row, column as headed, Chinese message) for each
 * bad value. A blank optional cell reads as `undefined`; `failed` tells whether anything was wrong.
 */
export class RowReader {
  failed = false;

  constructor(
    private readonly row: ImportRow,
    private readonly table: ImportTable,
    private readonly errors: RowErrors,
    private readonly labels: Record<string, string>,
  ) {}

  get rowNumber(): number {
    return this.row.row;
  }

  /** Adds an error for `field` of this row. */
  error(field: string, message: string): void {
    this.failed = true;
    this.errors.add({ row: this.row.row, column: this.table.headings[field] ?? field, field, message });
  }

  text(field: string, options: TextOptions = {}): string | undefined {
    const value = this.row.values[field] ?? '';
    if (value === '') {
      if (options.required) this.error(field, `${this.labels[field]}不能为空`);
      return undefined;
    }
    if (options.maxLength !== undefined && [...value].length > options.maxLength) {
      this.error(field, `${this.labels[field]}最多 ${options.maxLength} 个字符`);
      return undefined;
    }
    return value;
  }

  /** A whole number ≥ 0 (`1200`, `1,200`, `1200.0`). */
  count(field: string): number | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const compact = value.replace(/,/g, '');
    if (!/^\d+(\.0+)?$/.test(compact) || Number(compact) > MAX_INTEGER) {
      this.error(field, `${this.labels[field]}须为不小于 0 的整数，而不是“${value}”`);
      return undefined;
    }
    return Number(compact);
  }

  /** A decimal ≥ 0 with at most two places, as text (exact for `numeric`). */
  decimal(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const compact = value.replace(/,/g, '');
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(compact)) {
      this.error(field, `${this.labels[field]}须为不小于 0 的数，最多两位小数，而不是“${value}”`);
      return undefined;
    }
    return compact;
  }

  date(field: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.text(field, options);
    if (value === undefined) return undefined;
    const date = parseDate(value);
    if (!date) this.error(field, `${this.labels[field]}须为有效日期（YYYY-MM-DD），而不是“${value}”`);
    return date;
  }

  /** One of the accepted spellings (English value or Chinese name, case-insensitive) → the value. */
  choice<T extends string>(
    field: string,
    accepted: ReadonlyMap<string, T>,
    options: { required?: boolean; hint: string },
  ): T | undefined {
    const value = this.text(field, options);
    if (value === undefined) return undefined;
    const chosen = accepted.get(value.toLowerCase());
    if (!chosen) this.error(field, `${this.labels[field]}“${value}”无效，可选：${options.hint}`);
    return chosen;
  }
}

import { ImportTable } from '../columns/import-row';
import { parseDate, RowReader } from './row-reader';
import { RowErrors } from './row-errors';

function readerFor(values: Record<string, string>): { reader: RowReader; errors: RowErrors } {
  const table: ImportTable = { headerRow: 1, headings: { n: '户数', d: '日期', a: '面积' }, rows: [] };
  const errors = new RowErrors();
  return { reader: new RowReader({ row: 7, values }, table, errors, { n: '户数', d: '日期', a: '面积' }), errors };
}

describe('RowReader', () => {
  it('reads counts written with thousands separators or a trailing .0 and refuses negatives and fractions', () => {
    expect(readerFor({ n: '1,200' }).reader.count('n')).toBe(1200);
    expect(readerFor({ n: '1200.0' }).reader.count('n')).toBe(1200);
    const { reader, errors } = readerFor({ n: '-5' });
    expect(reader.count('n')).toBeUndefined();
    expect(reader.failed).toBe(true);
    expect(errors.sorted()).toEqual([{ row: 7, column: '户数', field: 'n', message: expect.stringContaining('-5') }]);
    expect(readerFor({ n: '2.5' }).reader.count('n')).toBeUndefined();
  });

  it('reads decimals with at most two places', () => {
    expect(readerFor({ a: '35000.5' }).reader.decimal('a')).toBe('35000.5');
    expect(readerFor({ a: '1.234' }).reader.decimal('a')).toBeUndefined();
  });

  it('reads dates written with dashes, slashes or dots, and only real calendar days', () => {
    expect(parseDate('2024-3-5')).toBe('2024-03-05');
    expect(parseDate('2024/03/05')).toBe('2024-03-05');
    expect(parseDate('2024.3.5')).toBe('2024-03-05');
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(parseDate('05/03/2024')).toBeUndefined();
  });

  it('treats a blank optional cell as absent and a blank required one as an error', () => {
    const { reader, errors } = readerFor({ d: '' });
    expect(reader.date('d')).toBeUndefined();
    expect(errors.count).toBe(0);
    expect(reader.date('d', { required: true })).toBeUndefined();
    expect(errors.sorted()[0].message).toBe('日期不能为空');
  });
});

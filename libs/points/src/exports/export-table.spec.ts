import ExcelJS from 'exceljs';
import { attachment, toCsv, toXlsx } from './export-table';

describe('export tables', () => {
  it('writes CSV in UTF-8 with a byte order mark, quoting what needs quoting', () => {
    const csv = toCsv(
      ['姓名', '事由'],
      [
        ['王芳', '参加"清洁日", 获得积分'],
        ['李强', null],
        ['赵六', -5],
      ],
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1)).toBe('姓名,事由\r\n王芳,"参加""清洁日"", 获得积分"\r\n李强,\r\n赵六,-5\r\n');
  });

  it('defuses text cells that Excel would evaluate as formulas', () => {
    expect(toCsv(['事由'], [['=HYPERLINK("x")']]).toString('utf8')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the attachment in UTF-8 with an ASCII fallback', () => {
    expect(attachment('季度考核结果-2026Q4.csv')).toBe(
      `attachment; filename="______-2026Q4.csv"; filename*=UTF-8''${encodeURIComponent('季度考核结果-2026Q4.csv')}`,
    );
  });

  it('writes an XLSX sheet whose first row holds the headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await toXlsx('考核结果', ['姓名', '得分'], [['王芳', 95]])) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
    );
    const sheet = workbook.getWorksheet('考核结果');
    expect(sheet?.getRow(1).values).toEqual([undefined, '姓名', '得分']);
    expect(sheet?.getRow(2).values).toEqual([undefined, '王芳', 95]);
  });
});

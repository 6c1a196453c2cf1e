import ExcelJS from 'exceljs';
import { ImportFileReader } from './import-file.reader';

describe('ImportFileReader', () => {
  const reader = new ImportFileReader();

  it('reads UTF-8 CSV with a BOM, counting rows as a spreadsheet does (blank lines skipped but counted)', async () => {
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('编码,名称\r\nA, 甲 \r\n\r\n,\r\n"B,1","多\n行"\r\n', 'utf8'),
    ]);
    const sheet = await reader.read(csv);
    expect(sheet.format).toBe('csv');
    expect(sheet.header).toEqual({ row: 1, cells: ['编码', '名称'] });
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A', '甲'] },
      { row: 5, cells: ['B,1', '多\n行'] },
    ]);
  });

  it('refuses CSV that is not UTF-8 (a GBK export) and unbalanced quotes as unreadable', async () => {
    await expect(reader.read(Buffer.from([0xb1, 0xe0, 0xc2, 0xeb, 0x0a]))).rejects.toMatchObject({
      code: 'organization.import-unreadable',
      status: 400,
    });
    await expect(reader.read(Buffer.from('a,b\n"x,y\n', 'utf8'))).rejects.toMatchObject({
      code: 'organization.import-unreadable',
    });
  });

  it('refuses old binary .xls files with a hint', async () => {
    await expect(reader.read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({
      code: 'organization.import-unreadable',
      detail: expect.stringContaining('.xlsx'),
    });
  });

  it('reads the first worksheet of an XLSX file: dates as YYYY-MM-DD, numbers, formulas and rich text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['code', 'date', 'count', 'sum', 'rich']);
    sheet.addRow([]);
    sheet.addRow([
      'X',
      new Date(Date.UTC(1980, 0, 31)),
      1200,
      { formula: '1+1', result: 2 },
      { richText: [{ text: '幸福' }, { text: '小区' }] },
    ]);
    workbook.addWorksheet('ignored').addRow(['not', 'read']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await reader.read(content);
    expect(read.format).toBe('xlsx');
    expect(read.header).toEqual({ row: 1, cells: ['code', 'date', 'count', 'sum', 'rich'] });
    expect(read.rows).toEqual([{ row: 3, cells: ['X', '1980-01-31', '1200', '2', '幸福小区'] }]);
  });

  it('refuses a damaged XLSX file as unreadable', async () => {
    await expect(reader.read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      code: 'organization.import-unreadable',
    });
  });
});

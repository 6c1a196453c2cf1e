import { mapSheet } from './sheet-mapper';

describe('mapSheet', () => {
  it('accepts English keys in any case, Chinese labels and a leading required marker, and ignores unknown columns', () => {
    const table = mapSheet('units', {
      format: 'csv',
      header: { row: 1, cells: ['*编码', 'NAME', '类型', '备注'] },
      rows: [{ row: 2, cells: ['A', '甲', '社区', '随便'] }],
    });
    expect(table.headings).toMatchObject({ code: '*编码', name: 'NAME', kind: '类型', parentCode: '上级编码' });
    expect(table.rows).toEqual([
      {
        row: 2,
        values: { code: 'A', name: '甲', kind: '社区', parentCode: '', residents: '', households: '', areaM2: '' },
      },
    ]);
  });

  it('names missing required columns and columns given twice on the header row', () => {
    try {
      mapSheet('members', {
        format: 'csv',
        header: { row: 1, cells: ['人员编号', 'personExternalId', '类别'] },
        rows: [{ row: 2, cells: ['1', '1', '居民'] }],
      });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({ code: 'organization.import-invalid', status: 422 });
      const errors = (error as { extensions: { errors: { row: number; field: string }[] } }).extensions.errors;
      expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
        '1:personExternalId',
        '1:organizationCode',
        '1:status',
        '1:joinedAt',
      ]);
    }
  });

  it('refuses a file without data rows', () => {
    expect(() =>
      mapSheet('people', {
        format: 'csv',
        header: { row: 1, cells: ['externalId', 'name', 'residenceUnitCode'] },
        rows: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'organization.import-empty' }));
    expect(() => mapSheet('people', { format: 'csv', header: null, rows: [] })).toThrow(
      expect.objectContaining({ code: 'organization.import-empty' }),
    );
  });
});

import { ImportKind } from '../import-kind';

/** One column of an import file: its canonical English key and its Chinese heading (both accepted). */
export interface ImportColumn {
  key: string;
  label: string;
  /** The column must be present (every row must then fill it, too). */
  required: boolean;
}

/** The columns of each kind of file, in the order the documentation and templates list them. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  units: [
    { key: 'code', label: '编码', required: true },
    { key: 'name', label: '名称', required: true },
    { key: 'kind', label: '类型', required: true },
    { key: 'parentCode', label: '上级编码', required: false },
    { key: 'residents', label: '常住人口', required: false },
    { key: 'households', label: '户数', required: false },
    { key: 'areaM2', label: '面积', required: false },
  ],
  people: [
    { key: 'externalId', label: '人员编号', required: true },
    { key: 'name', label: '姓名', required: true },
    { key: 'phone', label: '手机号', required: false },
    { key: 'idNumber', label: '身份证号', required: false },
    { key: 'gender', label: '性别', required: false },
    { key: 'birthDate', label: '出生日期', required: false },
    { key: 'residenceUnitCode', label: '居住单元编码', required: true },
    { key: 'householdCode', label: '户号', required: false },
  ],
  members: [
    { key: 'personExternalId', label: '人员编号', required: true },
    { key: 'organizationCode', label: '党组织编码', required: true },
    { key: 'category', label: '类别', required: true },
    { key: 'status', label: '状态', required: true },
    { key: 'joinedAt', label: '入党日期', required: true },
  ],
};

import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of exclusive parts and their owners. Never renamed once released. */
export enum PartsCode {
  /** An area is a positive number of m² with at most two decimals. */
  PartArea = 'property.part-area',
  /** The complex has a part with this building and number already. */
  PartExists = 'property.part-exists',
  /** An unsold part belongs to the developer: it has no owner on record. */
  DeveloperPartOwners = 'property.developer-part-owners',
  /** A bulk write or an import with bad rows: `rows: [{ row, code, detail }]`, nothing written. */
  PartRows = 'property.part-rows',
  /** An ownership change dated before the current ownership started, or in the future. */
  OwnershipDate = 'property.ownership-date',
  /** The uploaded file cannot be read (not CSV UTF-8 / XLSX, no header, unknown columns). */
  PartsFileUnreadable = 'property.parts-file-unreadable',
}

const CATALOGUE: Record<PartsCode, ProblemDefinition> = {
  [PartsCode.PartArea]: { status: 400, title: 'Bad area', detail: '面积须为大于 0 的平方米数，最多两位小数' },
  [PartsCode.PartExists]: { status: 409, title: 'Part exists', detail: '该小区已有相同楼栋和房号的专有部分' },
  [PartsCode.DeveloperPartOwners]: {
    status: 400,
    title: 'Unsold parts have no owners',
    detail: '未出售的专有部分属于建设单位，不能登记业主',
  },
  [PartsCode.PartRows]: { status: 400, title: 'Bad rows', detail: '部分行有误，未写入任何数据' },
  [PartsCode.OwnershipDate]: {
    status: 400,
    title: 'Bad ownership change date',
    detail: '过户日期不能早于现业主登记日期，也不能晚于今天',
  },
  [PartsCode.PartsFileUnreadable]: {
    status: 400,
    title: 'File unreadable',
    detail: '无法读取文件：请上传 UTF-8 编码的 CSV 或 .xlsx 文件，首行为列名',
  },
};

export class PartsException extends ProblemException {
  constructor(code: PartsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

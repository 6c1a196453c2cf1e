import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';
import { ImportRowError } from './validation/import-row-error';

export enum ImportsCode {
  /** Some rows (or the header) are wrong: nothing was written; `errors` lists them. */
  Invalid = 'organization.import-invalid',
  /** The file has a header but no data rows. */
  Empty = 'organization.import-empty',
  /** More data rows than one import accepts. */
  TooManyRows = 'organization.import-too-many-rows',
  /** Not a readable CSV (UTF-8) or XLSX file. */
  Unreadable = 'organization.import-unreadable',
}

const CATALOGUE: Record<ImportsCode, ProblemDefinition> = {
  [ImportsCode.Invalid]: {
    status: 422,
    title: 'Import file has invalid rows',
    detail: '导入文件有错误，未写入任何数据',
  },
  [ImportsCode.Empty]: { status: 422, title: 'Import file has no data rows', detail: '导入文件中没有数据行' },
  [ImportsCode.TooManyRows]: { status: 422, title: 'Import file has too many rows', detail: '导入文件行数过多' },
  [ImportsCode.Unreadable]: { status: 400, title: 'Import file cannot be read', detail: '无法读取导入文件' },
};

export class ImportsException extends ProblemException {
  constructor(code: ImportsCode, detail?: string, extensions?: Record<string, unknown>) {
    super(problemFrom(code, CATALOGUE, { ...(detail ? { detail } : {}), ...(extensions ? { extensions } : {}) }));
  }
}

/** At most this many row errors are listed in one answer (`errorCount` gives the total). */
export const MAX_LISTED_ROW_ERRORS = 200;

/** 422 `organization.import-invalid` listing the row errors (sorted by row; capped). */
export class ImportInvalidException extends ImportsException {
  constructor(errors: ImportRowError[]) {
    const listed = errors.slice(0, MAX_LISTED_ROW_ERRORS);
    super(ImportsCode.Invalid, `导入文件有 ${errors.length} 处错误，未写入任何数据`, {
      errors: listed,
      errorCount: errors.length,
      errorsTruncated: errors.length > listed.length,
    });
  }
}

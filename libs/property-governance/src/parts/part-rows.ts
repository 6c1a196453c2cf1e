import { AREA_SOURCES, AreaSource, PART_STATUSES, PartStatus, toCenti } from '../decisions/electorate-counting';
import { PartsCode } from './parts.exception';
import { NewPart } from './parts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One part as a request or a file row gives it, before it is checked. */
export interface PartInput {
  building: string;
  number: string;
  areaM2: unknown;
  areaSource?: string;
  status: string;
  ownerPersonIds: string[];
}

export interface RowProblem {
  /** 1-based index in the body, or the spreadsheet row of a file. */
  row: number;
  code: PartsCode | 'validation.failed';
  detail: string;
}

/** `89.5`, `'89.50'` → centi; null unless a positive area with at most two decimals. */
export function areaCentiOf(value: unknown): number | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  try {
    const centi = toCenti(text);
    return centi > 0 && Number.isSafeInteger(centi) ? centi : null;
  } catch {
    return null;
  }
}

/** The part as written, or the first problem with it. Duplicates are checked by the caller. */
export function checkPart(input: PartInput): NewPart | { code: RowProblem['code']; detail: string } {
  const building = input.building?.trim() ?? '';
  const number = input.number?.trim() ?? '';
  if (!building || !number || building.length > 64 || number.length > 64) {
    return { code: 'validation.failed', detail: '楼栋和房号不能为空，最长 64 个字' };
  }
  const areaCenti = areaCentiOf(input.areaM2);
  if (areaCenti === null) return { code: PartsCode.PartArea, detail: `面积无效：${String(input.areaM2)}` };
  const areaSource = (input.areaSource || 'registered') as AreaSource;
  if (!AREA_SOURCES.includes(areaSource)) return { code: 'validation.failed', detail: `面积来源无效：${areaSource}` };
  const status = input.status as PartStatus;
  if (!PART_STATUSES.includes(status)) return { code: 'validation.failed', detail: `状态无效：${input.status}` };
  const ownerPersonIds = [...new Set(input.ownerPersonIds.map((id) => id.toLowerCase()))];
  const badOwner = ownerPersonIds.find((id) => !UUID.test(id));
  if (badOwner) return { code: 'validation.failed', detail: `业主须为人员编号（UUID）：${badOwner}` };
  if (status === 'unsold' && ownerPersonIds.length > 0) {
    return { code: PartsCode.DeveloperPartOwners, detail: '未出售的专有部分不能登记业主' };
  }
  return { building, number, areaCenti, areaSource, status, ownerPersonIds };
}

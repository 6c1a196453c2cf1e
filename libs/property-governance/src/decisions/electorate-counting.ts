/**
 * Who the owners of a complex are when they decide jointly (民法典 第二百七十八条), counted as the
 * Supreme People's Court counts them (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释
 * 第八条、第九条):
 *
 * - **area**: each exclusive part's area (the registered area; without a registration the surveyed
 *   area; without a survey the area in the sale contract); the total is the sum of all exclusive parts;
 * - **heads**: one exclusive part counts as one owner, except that all the parts the developer has not
 *   sold, or has sold and not delivered, count together as one, and one buyer with several parts (the
 *   same owner, or the same set of co-owners) counts as one, carrying the sum of their areas.
 *
 * Areas are counted in hundredths of a square metre (integers), so that no ratio is off by a float.
 */

export const PART_STATUSES = ['delivered', 'unsold', 'sold_undelivered'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const AREA_SOURCES = ['registered', 'surveyed', 'contract'] as const;
export type AreaSource = (typeof AREA_SOURCES)[number];

export interface CountedPart {
  id: string;
  /** Area in hundredths of a square metre (`12345` = 123.45 m²). */
  areaCenti: number;
  status: PartStatus;
  /** The current owners (co-owners share one part). */
  ownerPersonIds: string[];
}

/** One head of the electorate: who votes for it and the area it carries. */
export interface Head {
  /** `developer`, `owners:<sorted person ids>` or `part:<id>` (a delivered part with no owner on record). */
  key: string;
  areaCenti: number;
  partIds: string[];
  ownerPersonIds: string[];
  developer: boolean;
}

export interface Electorate {
  totalAreaCenti: number;
  heads: Head[];
}

/** The developer's parts are those not delivered to a buyer. */
export function isDeveloperPart(status: PartStatus): boolean {
  return status === 'unsold' || status === 'sold_undelivered';
}

export function headKeyOf(part: Pick<CountedPart, 'id' | 'status' | 'ownerPersonIds'>): string {
  if (isDeveloperPart(part.status)) return 'developer';
  if (part.ownerPersonIds.length === 0) return `part:${part.id}`;
  return `owners:${[...new Set(part.ownerPersonIds.map((id) => id.toLowerCase()))].sort().join('+')}`;
}

/** The electorate of a complex from its exclusive parts, heads in key order. */
export function countElectorate(parts: readonly CountedPart[]): Electorate {
  const heads = new Map<string, Head>();
  let totalAreaCenti = 0;
  for (const part of parts) {
    totalAreaCenti += part.areaCenti;
    const key = headKeyOf(part);
    const head = heads.get(key) ?? {
      key,
      areaCenti: 0,
      partIds: [],
      ownerPersonIds: key.startsWith('owners:') ? key.slice('owners:'.length).split('+') : [],
      developer: key === 'developer',
    };
    head.areaCenti += part.areaCenti;
    head.partIds.push(part.id);
    heads.set(key, head);
  }
  return { totalAreaCenti, heads: [...heads.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}

/** `123.45` (or `'123.45'`) → `12345`; refuses more than two decimals. */
export function toCenti(areaM2: number | string): number {
  const text = typeof areaM2 === 'number' ? areaM2.toFixed(2) : areaM2.trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`not an area in m² with at most two decimals: ${areaM2}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `12345` → `123.45`. */
export function fromCenti(centi: number): number {
  return centi / 100;
}

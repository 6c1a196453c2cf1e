/** What a file imports. Values are part of the API contract (`kind` of `POST /imports`). */
export const IMPORT_KINDS = ['units', 'people', 'members'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_DISPLAY: Record<ImportKind, string> = { units: '治理单元', people: '人员', members: '党员' };

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

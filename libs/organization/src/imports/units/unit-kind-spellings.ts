import { UNIT_KIND_DISPLAY, UNIT_KINDS, UnitKind } from '../../units/unit-kind';

/** Every accepted spelling of a unit kind: the English value, the Chinese name, and the sources' synonyms. */
export const UNIT_KIND_SPELLINGS: ReadonlyMap<string, UnitKind> = new Map<string, UnitKind>([
  ...UNIT_KINDS.map((kind) => [kind, kind] as [string, UnitKind]),
  ...UNIT_KINDS.map((kind) => [UNIT_KIND_DISPLAY[kind], kind] as [string, UnitKind]),
  ['县', 'district'],
  ['区/县', 'district'],
  ['乡镇', 'street'],
  ['镇', 'street'],
  ['乡', 'street'],
  ['院落', 'building'],
  ['街巷', 'building'],
]);

export const UNIT_KIND_HINT = UNIT_KINDS.map((kind) => `${UNIT_KIND_DISPLAY[kind]}(${kind})`).join('、');

import { ImportKind } from '../import-kind';
import { IMPORT_COLUMNS } from './import-columns';

/** Column key → Chinese label, for messages. */
export function columnLabels(kind: ImportKind): Record<string, string> {
  return Object.fromEntries(IMPORT_COLUMNS[kind].map((column) => [column.key, column.label]));
}

import { ImportKind } from '../import-kind';

/** An uploaded import file, as received. */
export interface RunImportCommand {
  kind: ImportKind;
  fileName: string;
  content: Buffer;
}

import { decodeTimeIdCursor } from '@linli/platform';

/** A (created_at, id) keyset cursor; a crafted one is a 400, never a failed statement. */
export function keysetCursor(cursor: string | undefined): [string, string] | undefined {
  return cursor === undefined ? undefined : decodeTimeIdCursor(cursor);
}

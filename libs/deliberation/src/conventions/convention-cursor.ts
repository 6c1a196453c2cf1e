import { decodeCursor, ProblemException } from '@linli/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A (created_at, id) keyset cursor; a crafted one is a 400, never a failed statement. */
export function keysetCursor(cursor: string | undefined): [string, string] | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id))
    throw new ProblemException({
      code: 'pagination.invalid-cursor',
      status: 400,
      title: 'Invalid cursor',
      detail: '分页游标无效',
    });
  return [at, id];
}

import { EntityManager } from 'typeorm';

/** Advisory lock key of the unit tree (any stable bigint; it only has to be the same everywhere). */
const UNIT_TREE_LOCK = '7330100001';

/**
 * Serialises subtree moves against writes that copy a unit's path into another row. A move holds
 * the lock exclusively; a write that copies a path holds it shared from before it reads the path
 * until it commits, so it never stores a path that a concurrent move is rewriting (and a move sees
 * every committed copy). Transaction-scoped: released at commit or rollback.
 */
export async function lockUnitTree(manager: EntityManager, mode: 'shared' | 'exclusive'): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${fn}($1::bigint)`, [UNIT_TREE_LOCK]);
}

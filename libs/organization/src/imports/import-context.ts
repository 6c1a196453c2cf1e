import { AuthenticatedUser, UnitScope } from '@linli/platform';
import { EntityManager } from 'typeorm';

/** What a kind's validator and writer work with: the caller's transaction, scope and clock. */
export interface ImportContext {
  manager: EntityManager;
  user: AuthenticatedUser;
  /** Where the caller holds `imports.run`: every row's units must lie inside. */
  scope: UnitScope;
  now: Date;
}

/** What applying a file changed. `paths`: the unit paths the rows concern (for the batch's scope). */
export interface ImportOutcome {
  created: number;
  updated: number;
  paths: string[];
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LinliConfig } from '../config/linli-config';
import { AccountChangesListener } from './account-changes.listener';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/** What the guard needs of an account: who it is, and whether its token still stands. */
export interface AccountState {
  user: AuthenticatedUser;
  isActive: boolean;
  tokenVersion: number;
  mustChangePassword: boolean;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string | null;
  person_id: string | null;
  is_active: boolean;
  token_version: number;
  must_change_password: boolean;
  grants: { id: string; role: Role; unitId: string | null; unitPath: string | null }[];
}

const MAX_ENTRIES = 10_000;

/**
 * The callers' accounts and grants, read in one statement and kept for `AUTH_CACHE_SECONDS` in
 * this process. Any change to an account or its grants, from any process, notifies on commit
 * (a trigger); the entry is dropped when the notice arrives. While the listener is not connected
 * nothing is served from the cache, and a read that a notice overtook is not kept (the
 * generation counter), so a cached caller is never older than the last change PostgreSQL told us of.
 */
@Injectable()
export class AuthenticatedAccounts {
  private readonly entries = new Map<string, { state: AccountState; expiresAt: number }>();
  private generation = 0;
  private readonly ttlMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: AccountChangesListener,
    config: LinliConfig,
  ) {
    this.ttlMs = config.authCacheSeconds * 1000;
    listener.onChange = (accountId) => this.forget(accountId);
    listener.onReset = () => {
      this.generation += 1;
      this.entries.clear();
    };
  }

  /**
   * Drops the account at once in this process, after a change committed here: the notice that
   * tells every process may arrive after this process's answer, and its next request.
   */
  forget(accountId: string): void {
    this.generation += 1;
    this.entries.delete(accountId);
  }

  /** The account's state (a copy of its own: callers may not share one), or null for an unknown account. */
  async get(accountId: string): Promise<AccountState | null> {
    if (this.ttlMs === 0) return this.load(accountId);
    this.listener.ensureStarted();
    const trusted = this.listener.listening;
    const hit = this.entries.get(accountId);
    if (trusted && hit && hit.expiresAt > Date.now()) return copyOf(hit.state);
    const generation = this.generation;
    const state = await this.load(accountId);
    if (state && trusted && this.listener.listening && generation === this.generation) this.remember(accountId, state);
    return state && copyOf(state);
  }

  private remember(accountId: string, state: AccountState): void {
    this.entries.delete(accountId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(accountId, { state, expiresAt: Date.now() + this.ttlMs });
  }

  private async load(accountId: string): Promise<AccountState | null> {
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.person_id, u.is_active, u.token_version, u.must_change_password,
              COALESCE(json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitPath', g.unit_path)
                                ORDER BY g.created_at, g.id) FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
         FROM users u LEFT JOIN role_grants g ON g.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [accountId],
    )) as AccountRow[];
    if (!row) return null;
    return {
      isActive: row.is_active,
      tokenVersion: row.token_version,
      mustChangePassword: row.must_change_password,
      user: {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        personId: row.person_id,
        passwordChangeRequired: row.must_change_password,
        grants: row.grants,
      },
    };
  }
}

function copyOf(state: AccountState): AccountState {
  return { ...state, user: { ...state.user, grants: state.user.grants.map((grant) => ({ ...grant })) } };
}

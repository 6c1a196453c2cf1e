import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { LinliConfig } from '../config/linli-config';
import { PasswordHasher } from './password-hasher';

/** Advisory lock that serialises the first start of several api processes. */
const BOOTSTRAP_LOCK = 'linli.bootstrap-admin';

/**
 * First start of the api: with no account at all, creates the administrator (deployment-wide
 * `admin`) from LINLI_ADMIN_USERNAME / LINLI_ADMIN_PASSWORD. Without a password it generates one
 * and logs it once (development and test), or refuses to start (production).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: LinliConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdministrator();
  }

  /** Creates the first administrator when no account exists; returns its id, or undefined when nothing was done. */
  async ensureAdministrator(): Promise<string | undefined> {
    if (await this.anyUser(this.dataSource)) return undefined;
    const generated = this.config.adminPassword === undefined;
    if (generated && this.config.nodeEnv === 'production') {
      const message =
        'No account exists yet and LINLI_ADMIN_PASSWORD is not set. Set LINLI_ADMIN_PASSWORD (at least 10 characters; ' +
        `the username is LINLI_ADMIN_USERNAME, now "${this.config.adminUsername}") for the first administrator and start again.`;
      this.logger.error(message);
      throw new Error(message);
    }
    const password = this.config.adminPassword ?? randomBytes(15).toString('base64url');
    const passwordHash = await this.hasher.hash(password);
    const userId = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BOOTSTRAP_LOCK]);
      if (await this.anyUser(manager.connection, manager)) return undefined;
      const rows = (await manager.query(
        `INSERT INTO users (username, password_hash, display_name) VALUES ($1, $2, $3)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [this.config.adminUsername, passwordHash, '系统管理员'],
      )) as { id: string }[];
      if (rows.length === 0) return undefined;
      const id = rows[0].id;
      await manager.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, 'admin')`, [id]);
      await this.audit.record(
        {
          action: 'users.created',
          targetType: 'user',
          targetId: id,
          actorUserId: null,
          data: { username: this.config.adminUsername, bootstrap: true, role: 'admin' },
        },
        manager,
      );
      return id;
    });
    if (userId && generated) {
      this.logger.warn(
        `First start: created administrator "${this.config.adminUsername}" with the generated password ${password} ` +
          '(shown only this once; log in and change it with POST /api/v1/auth/password, or set LINLI_ADMIN_PASSWORD).',
      );
    } else if (userId) {
      this.logger.log(`First start: created administrator "${this.config.adminUsername}" from LINLI_ADMIN_PASSWORD`);
    }
    return userId;
  }

  private async anyUser(dataSource: DataSource, manager = dataSource.manager): Promise<boolean> {
    const rows = (await manager.query('SELECT EXISTS (SELECT 1 FROM users) AS found')) as { found: boolean }[];
    return rows[0].found;
  }
}

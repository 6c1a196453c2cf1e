import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { LinliConfig } from '../config/linli-config';
import { PrivacyModule } from '../privacy/privacy.module';
import { AccessTokenService } from './access-token.service';
import { AccountsDirectory } from './accounts.directory';
import { AccountChangesListener } from './account-changes.listener';
import { AuthenticatedAccounts } from './authenticated-accounts';
import { Authenticator } from './authenticator';
import { PasswordHasher } from './password-hasher';
import { ReferenceResolvers } from './references/reference-resolvers';
import { ScopedReferences } from './references/scoped-references';
import { RoleGrants } from './role-grants';
import { ScopeService } from './scope.service';
import { UnitDirectory } from './unit-directory';
import { UnitDirectoryRegistry } from './unit-directory.registry';
import { UnitPathMaintenance } from './unit-path-maintenance';

/**
 * Users, tokens, the unit directory registry, reference resolvers, scope checks and the
 * personal-data registries (`PrivacyModule`, re-exported so every domain can register); in every app.
 */
@Global()
@Module({
  imports: [
    PrivacyModule,
    JwtModule.registerAsync({
      inject: [LinliConfig],
      useFactory: (config: LinliConfig) => ({
        // A key object made once: given the string, jsonwebtoken would convert it on every verification.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    UnitDirectoryRegistry,
    { provide: UnitDirectory, useExisting: UnitDirectoryRegistry },
    ScopeService,
    PasswordHasher,
    AccessTokenService,
    AccountChangesListener,
    AuthenticatedAccounts,
    Authenticator,
    UnitPathMaintenance,
    AccountsDirectory,
    RoleGrants,
    ReferenceResolvers,
    ScopedReferences,
  ],
  exports: [
    PrivacyModule,
    UnitDirectoryRegistry,
    UnitDirectory,
    ScopeService,
    PasswordHasher,
    AccessTokenService,
    AuthenticatedAccounts,
    Authenticator,
    UnitPathMaintenance,
    AccountsDirectory,
    RoleGrants,
    ReferenceResolvers,
    ScopedReferences,
  ],
})
export class AuthModule {}

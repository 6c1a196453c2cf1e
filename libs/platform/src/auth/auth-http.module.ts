import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { PrivacyHttpModule } from '../privacy/privacy-http.module';
import { AdminBootstrap } from './admin-bootstrap';
import { AuthGuard } from './auth.guard';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { UsersController } from './http/users.controller';
import { LoginService } from './login.service';
import { RouteAccessCatalog } from './route-access.catalog';
import { ChangePasswordUseCase } from './usecases/change-password.usecase';
import { CreateUserUseCase } from './usecases/create-user.usecase';
import { GrantRoleUseCase } from './usecases/grant-role.usecase';
import { RevokeGrantUseCase } from './usecases/revoke-grant.usecase';
import { UsersService } from './users.service';
import { PersonLinks } from './person-links';
import { LinkPersonUseCase } from './usecases/link-person.usecase';
import { ResetPasswordUseCase } from './usecases/reset-password.usecase';
import { SetAccountActiveUseCase } from './usecases/set-account-active.usecase';

/**
 * Login, /me, users and grants, the global guard, the route access check, the first administrator
 * and the personal-data routes (`PrivacyHttpModule`); the api only.
 */
@Module({
  imports: [DiscoveryModule, PrivacyHttpModule],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    RouteAccessCatalog,
    AdminBootstrap,
    LoginService,
    UsersService,
    CreateUserUseCase,
    GrantRoleUseCase,
    RevokeGrantUseCase,
    ChangePasswordUseCase,
    PersonLinks,
    LinkPersonUseCase,
    SetAccountActiveUseCase,
    ResetPasswordUseCase,
  ],
  exports: [RouteAccessCatalog],
})
export class AuthHttpModule {}

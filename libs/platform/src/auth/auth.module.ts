import { Global, Module } from '@nestjs/common';

/** Users, grants, tokens and the scope check (placeholder until the auth work lands). */
@Global()
@Module({})
export class AuthModule {}

/** Auth endpoints and the global guard; mounted by the api. */
@Module({})
export class AuthHttpModule {}

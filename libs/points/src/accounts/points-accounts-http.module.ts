import { Module } from '@nestjs/common';
import { PointsAccountsController } from './points-accounts.controller';
import { PointsAccountsModule } from './points-accounts.module';

/** HTTP face of the account views; mounted by the api. */
@Module({ imports: [PointsAccountsModule], controllers: [PointsAccountsController] })
export class PointsAccountsHttpModule {}

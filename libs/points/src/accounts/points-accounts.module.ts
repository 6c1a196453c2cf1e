import { Module } from '@nestjs/common';
import { PointsLevelsModule } from '../levels/points-levels.module';
import { PointsAccountsService } from './points-accounts.service';
import { PointsOwners } from './points-owners.service';

/** Domain face of the account views and of locating owners for scope checks. */
@Module({ imports: [PointsLevelsModule], providers: [PointsOwners, PointsAccountsService], exports: [PointsOwners, PointsAccountsService] })
export class PointsAccountsModule {}

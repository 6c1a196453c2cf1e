import { Module } from '@nestjs/common';
import { PointsAccountsService } from './points-accounts.service';
import { PointsOwners } from './points-owners.service';

/** Domain face of the account views and of locating owners for scope checks. */
@Module({ providers: [PointsOwners, PointsAccountsService], exports: [PointsOwners, PointsAccountsService] })
export class PointsAccountsModule {}

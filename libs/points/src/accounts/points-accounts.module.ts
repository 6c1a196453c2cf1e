import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PointsAccountsService } from './points-accounts.service';
import { PointsOwners } from './points-owners.service';

/** Domain face of the account views and of locating owners for scope checks. */
@Module({
  imports: [OrganizationDirectoryModule],
  providers: [PointsOwners, PointsAccountsService],
  exports: [PointsOwners, PointsAccountsService],
})
export class PointsAccountsModule {}

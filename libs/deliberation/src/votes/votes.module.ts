import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';

const PROVIDERS: never[] = [];

/** Domain face of the votes area. */
@Module({ imports: [OrganizationDirectoryModule, DeliberationAccessModule], providers: PROVIDERS, exports: PROVIDERS })
export class VotesModule {}

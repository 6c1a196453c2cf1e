import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccess } from './deliberation-access';

/** Who may see and act on deliberation's records; imported by every area. */
@Module({ imports: [OrganizationDirectoryModule], providers: [DeliberationAccess], exports: [DeliberationAccess] })
export class DeliberationAccessModule {}

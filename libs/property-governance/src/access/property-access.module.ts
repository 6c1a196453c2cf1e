import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { PropertyAccess } from './property-access';

/** Who may see and act on property governance's records; imported by every area. */
@Module({ imports: [OrganizationDirectoryModule], providers: [PropertyAccess], exports: [PropertyAccess] })
export class PropertyAccessModule {}

import { SchemaPart } from '@linli/platform';
import { CreateServicePosts1795350400000 } from '../migrations/1795350400000-CreateServicePosts';
import { AddVolunteerUnitPaths1795350500000 } from '../migrations/1795350500000-AddVolunteerUnitPaths';
import { PostShiftEntity } from './post-shift.entity';
import { ServicePostEntity } from './service-post.entity';
import { ShiftClaimEntity } from './shift-claim.entity';

/**
 * Entities and migrations of the posts area (listed in volunteers.schema.ts); a post keeps a copy of
 * its unit's path. The posts area, whose tables are created last, also lists the migration that
 * added the unit-path copies of every area (each area declares its own copies).
 */
export const postsSchema: SchemaPart = {
  tables: ['volunteer_posts', 'volunteer_post_shifts', 'volunteer_shift_claims'],
  entities: [ServicePostEntity, PostShiftEntity, ShiftClaimEntity],
  migrations: [CreateServicePosts1795350400000, AddVolunteerUnitPaths1795350500000],
  pathCopies: [{ table: 'volunteer_posts', column: 'unit_path' }],
};

import { SchemaPart } from '@linli/platform';
import { CreateServicePosts1795350400000 } from '../migrations/1795350400000-CreateServicePosts';
import { PostShiftEntity } from './post-shift.entity';
import { ServicePostEntity } from './service-post.entity';
import { ShiftClaimEntity } from './shift-claim.entity';

/** Entities and migrations of the posts area (listed in volunteers.schema.ts). */
export const postsSchema: SchemaPart = {
  tables: ['volunteer_posts', 'volunteer_post_shifts', 'volunteer_shift_claims'],
  entities: [ServicePostEntity, PostShiftEntity, ShiftClaimEntity],
  migrations: [CreateServicePosts1795350400000],
};

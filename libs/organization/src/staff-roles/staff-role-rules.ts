import { Role } from '@linli/platform';
import { UnitKind } from '../units/unit-kind';
import { StaffRoleKind } from './staff-role-kind';

/** The kind of unit each staff role is located at. */
export const STAFF_ROLE_UNIT_KIND: Record<StaffRoleKind, UnitKind> = {
  grid_worker: 'grid',
  building_head: 'building',
  central_household: 'building',
  community_worker: 'community',
};

/**
 * The scope grant a staff role brings to the person's account (at the role's unit), or none.
 * A grid worker registers people and reports within the grid; a community worker does the same
 * across the community, which is what the kernel's `grid_worker` role allows (at the community).
 * Building heads and central households act through their own person (resident self-service).
 */
export const STAFF_ROLE_GRANT: Record<StaffRoleKind, Role | null> = {
  grid_worker: 'grid_worker',
  community_worker: 'grid_worker',
  building_head: null,
  central_household: null,
};

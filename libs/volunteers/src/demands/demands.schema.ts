import { SchemaPart } from '@linli/platform';
import { CreateVolunteerDemands1795350200000 } from '../migrations/1795350200000-CreateVolunteerDemands';
import { AddDemandFulfilmentAuthor1795360300000 } from '../migrations/1795360300000-AddDemandFulfilmentAuthor';
import { DemandClaimEntity } from './demand-claim.entity';
import { DemandFulfilmentEntity } from './demand-fulfilment.entity';
import { DemandInvitationEntity } from './demand-invitation.entity';
import { VolunteerDemandEntity } from './volunteer-demand.entity';

/** Entities and migrations of the demands area (listed in volunteers.schema.ts); a demand keeps a copy of its unit's path. */
export const demandsSchema: SchemaPart = {
  tables: [
    'volunteer_demands',
    'volunteer_demand_claims',
    'volunteer_demand_fulfilments',
    'volunteer_demand_invitations',
  ],
  entities: [VolunteerDemandEntity, DemandClaimEntity, DemandFulfilmentEntity, DemandInvitationEntity],
  migrations: [CreateVolunteerDemands1795350200000, AddDemandFulfilmentAuthor1795360300000],
  pathCopies: [{ table: 'volunteer_demands', column: 'unit_path' }],
};

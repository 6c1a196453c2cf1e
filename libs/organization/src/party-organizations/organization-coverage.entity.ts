import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit an organization covers (a joint branch covers several). */
@Entity('organization_coverage')
export class OrganizationCoverageEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;
}

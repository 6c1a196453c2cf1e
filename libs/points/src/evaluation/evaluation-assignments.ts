import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';

/** A rating the campaign asks for, from a dual registration. */
interface NewAssignment {
  registrationId: string;
  raterType: 'community' | 'organization';
  raterId: string;
  raterPath: string;
  rateeType: 'person' | 'organization' | 'community';
  rateeId: string;
}

/** Stores a campaign's assignments ($1 campaign id, $2–$7 the assignments as arrays), each rater and ratee pair once. */
const INSERT_ASSIGNMENTS_SQL = `
  INSERT INTO point_evaluation_assignments (campaign_id, registration_id, rater_type, rater_id, rater_path, ratee_type, ratee_id)
  SELECT $1::uuid, a.registration_id, a.rater_type, a.rater_id, a.rater_path, a.ratee_type, a.ratee_id
    FROM unnest($2::uuid[], $3::varchar[], $4::uuid[], $5::text[], $6::varchar[], $7::uuid[]) AS a(registration_id, rater_type, rater_id, rater_path, ratee_type, ratee_id)
  ON CONFLICT (campaign_id, rater_type, rater_id, ratee_type, ratee_id) DO NOTHING`;

/** The ratings a two-way evaluation campaign asks for, written when the campaign is created. */
@Injectable()
export class EvaluationAssignments {
  constructor(private readonly directory: OrganizationDirectory) {}

  /**
   * A campaign's assignments from the dual registrations not ended of the communities in its subtree
   * (organization's directory): a member's registration → the community rates the member; an
   * organization's → the community rates the organization and the organization rates the community.
   */
  async generate(manager: EntityManager, campaignId: string, unitPath: string): Promise<void> {
    const registrations = await this.directory.organizations.registrationsWithin(unitPath, manager);
    const organizations = await this.directory.organizations.byIds(
      registrations.flatMap((r) => (r.kind === 'organization' && r.organizationId ? [r.organizationId] : [])),
      manager,
    );
    const assignments: NewAssignment[] = [];
    const community = (r: (typeof registrations)[number]) => ({
      registrationId: r.id,
      raterType: 'community' as const,
      raterId: r.communityUnitId,
      raterPath: r.communityPath,
    });
    for (const r of registrations.filter((r) => r.kind === 'member' && r.personId !== null)) {
      assignments.push({ ...community(r), rateeType: 'person', rateeId: r.personId as string });
    }
    for (const r of registrations.filter((r) => r.kind === 'organization')) {
      assignments.push({ ...community(r), rateeType: 'organization', rateeId: r.organizationId as string });
    }
    for (const r of registrations.filter((r) => r.kind === 'organization')) {
      const organization = organizations.get(r.organizationId as string);
      if (organization) {
        assignments.push({
          registrationId: r.id,
          raterType: 'organization',
          raterId: organization.id,
          raterPath: organization.unitPath,
          rateeType: 'community',
          rateeId: r.communityUnitId,
        });
      }
    }
    if (assignments.length === 0) return;
    await manager.query(INSERT_ASSIGNMENTS_SQL, [
      campaignId,
      assignments.map((a) => a.registrationId),
      assignments.map((a) => a.raterType),
      assignments.map((a) => a.raterId),
      assignments.map((a) => a.raterPath),
      assignments.map((a) => a.rateeType),
      assignments.map((a) => a.rateeId),
    ]);
  }
}

import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { ProfilesRepository } from './profiles.repository';

/**
 * The running totals other areas of the module add to a profile, inside their own transaction:
 * verified hours (activities, shifts, approved requests) and ratings (confirmed demands). A person
 * without a profile gets one at the unit where they served, so that no verified hour is lost; that
 * unit is anchored first (organization's directory), so the new profile's path copy is current.
 */
@Injectable()
export class VolunteerRecords {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  /**
   * Anchors the unit where totals will be recorded (the unit-tree lock, shared). A transaction that
   * locks a row carrying a path copy (a demand, an hour request) calls it before taking that lock,
   * so that it and a concurrent subtree move (tree lock first, then the copies) lock in one order.
   */
  async anchorUnit(manager: EntityManager, unitId: string): Promise<void> {
    await this.directory.units.anchor(manager, unitId);
  }

  async addVerifiedHours(
    manager: EntityManager,
    input: { personId: string; hours: number; unitId: string },
  ): Promise<void> {
    await this.addVerifiedHoursMany(manager, input.unitId, [{ personId: input.personId, hours: input.hours }]);
  }

  /** Hours of several people who served at one unit (a verified activity or shift), in one statement. */
  async addVerifiedHoursMany(
    manager: EntityManager,
    unitId: string,
    entries: { personId: string; hours: number }[],
  ): Promise<void> {
    const totals = new Map<string, number>();
    for (const { personId, hours } of entries) if (hours > 0) totals.set(personId, (totals.get(personId) ?? 0) + hours);
    if (totals.size === 0) return;
    const unit = await this.directory.units.anchor(manager, unitId);
    await this.profiles.addVerifiedHours(
      manager,
      unit,
      [...totals].map(([personId, hours]) => ({ personId, hours })),
    );
  }

  /** A correction of verified hours already counted: `delta` may be negative (the total never goes below zero). */
  async correctVerifiedHours(
    manager: EntityManager,
    input: { personId: string; delta: number; unitId: string },
  ): Promise<void> {
    if (input.delta > 0)
      return this.addVerifiedHours(manager, { personId: input.personId, hours: input.delta, unitId: input.unitId });
    if (input.delta === 0) return;
    await this.profiles.subtractVerifiedHours(manager, input.personId, input.delta);
  }

  async addRating(manager: EntityManager, input: { personId: string; rating: number; unitId: string }): Promise<void> {
    const unit = await this.directory.units.anchor(manager, input.unitId);
    await this.profiles.addRating(manager, unit, input.personId, input.rating);
  }
}

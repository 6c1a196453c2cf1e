import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuditLog, BusinessCalendar } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DELIBERATION_UNIT_KINDS } from '../topics/topic-steps';
import { TopicsCode, TopicsException } from '../topics/topics.exception';
import { VoteRecord } from './vote-record';
import { VoteElectorate, VotePassRule, VoteQuorum } from './vote-rules';
import { VotesCode, VotesException } from './votes.exception';
import { VotesRepository } from './votes.repository';

export interface VoteToCreate {
  /** The unit, anchored by the caller in this transaction (`directory.units.anchor`). */
  unit: { id: string; path: string; kind: string };
  topicId: string | null;
  conventionId: string | null;
  title: string;
  options: string[];
  electorate: VoteElectorate;
  quorum: VoteQuorum;
  passRule: VotePassRule;
  opensAt: Date;
  closesAt: Date;
  hideResults: boolean;
  createdByUserId: string;
  now: Date;
}

/** 2–20 options, trimmed, none blank, none repeated; else 400 `deliberation.vote-options`. */
export function normalizeOptions(options: string[]): string[] {
  const trimmed = options.map((option) => option.trim());
  if (
    trimmed.length < 2 ||
    trimmed.length > 20 ||
    trimmed.some((o) => o.length === 0) ||
    new Set(trimmed).size !== trimmed.length
  )
    throw new VotesException(VotesCode.VoteOptions);
  return trimmed;
}

/**
 * A vote is created with its electoral roll frozen in the same transaction: the residents of the
 * unit's subtree (adults where the birth date is known) on the business date the vote opens, each
 * their own voter key; for a household vote the same people keyed by household (one ballot per
 * household); for a representatives' vote the active representatives at the unit or below. The
 * roll goes in with one statement, and `eligible` is the number of distinct voter keys. Used by
 * `POST /deliberation/votes` and by any area that puts a matter to the vote (a convention's adoption).
 */
@Injectable()
export class VoteCreation {
  constructor(
    private readonly votes: VotesRepository,
    private readonly directory: OrganizationDirectory,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
  ) {}

  async create(manager: EntityManager, input: VoteToCreate): Promise<VoteRecord> {
    if (!(DELIBERATION_UNIT_KINDS as readonly string[]).includes(input.unit.kind))
      throw new TopicsException(TopicsCode.UnitKind, { extensions: { unitKind: input.unit.kind } });
    if (input.closesAt <= input.opensAt) throw new VotesException(VotesCode.VoteTimes);
    const options = normalizeOptions(input.options);
    const title = input.title.trim();
    const id = await this.votes.insert(manager, {
      unitId: input.unit.id,
      unitPath: input.unit.path,
      topicId: input.topicId,
      conventionId: input.conventionId,
      title,
      options,
      electorate: input.electorate,
      quorum: input.quorum,
      passRule: input.passRule,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      hideResults: input.hideResults,
      createdByUserId: input.createdByUserId,
      createdAt: input.now,
    });
    const onDate = this.calendar.localDate(input.opensAt);
    let personIds: string[];
    let voterKeys: string[];
    if (input.electorate === 'representatives') {
      personIds = await this.votes.representativesWithin(manager, input.unit.path, onDate);
      voterKeys = personIds;
    } else {
      const roll = await this.directory.people.electorate(input.unit.path, onDate, manager);
      personIds = roll.map((elector) => elector.personId);
      voterKeys = input.electorate === 'households' ? roll.map((elector) => elector.householdKey) : personIds;
    }
    const eligible = await this.votes.freezeRoll(manager, id, personIds, voterKeys);
    await this.audit.record(
      {
        action: 'deliberation.vote-created',
        targetType: 'deliberation-vote',
        targetId: id,
        unitId: input.unit.id,
        unitPath: input.unit.path,
        data: {
          title,
          topicId: input.topicId,
          conventionId: input.conventionId,
          electorate: input.electorate,
          quorum: input.quorum,
          passRule: input.passRule,
          eligible,
          opensAt: input.opensAt.toISOString(),
          closesAt: input.closesAt.toISOString(),
        },
      },
      manager,
    );
    return (await this.votes.readOne(manager, id)) as VoteRecord;
  }
}

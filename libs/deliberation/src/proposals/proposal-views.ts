import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ProposalDto } from './dto/proposal.dto';
import { ProposalRecord } from './proposal-record';
import { ProposalsRepository } from './proposals.repository';

/** Proposals as the caller sees them: unit and proposer names, and whether they made or co-signed each. */
@Injectable()
export class ProposalViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly proposals: ProposalsRepository,
  ) {}

  async many(
    user: AuthenticatedUser,
    proposals: ProposalRecord[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProposalDto[]> {
    // One after the other: inside a transaction the manager holds a single connection.
    const units = await this.directory.units.byIds([...new Set(proposals.map((p) => p.unitId))], manager);
    const names = await this.directory.people.names([...new Set(proposals.map((p) => p.proposerPersonId))], manager);
    const ids = proposals.map((p) => p.id);
    const cosigned = user.personId ? await this.proposals.cosignedBy(manager, ids, user.personId) : new Set<string>();
    return proposals.map((proposal) =>
      ProposalDto.from(proposal, {
        unitName: units.get(proposal.unitId)?.name ?? '',
        proposerName: names.get(proposal.proposerPersonId) ?? '',
        proposedByMe: user.personId === proposal.proposerPersonId,
        cosignedByMe: cosigned.has(proposal.id),
      }),
    );
  }

  async one(user: AuthenticatedUser, proposal: ProposalRecord, manager?: EntityManager): Promise<ProposalDto> {
    return (await this.many(user, [proposal], manager))[0];
  }
}

import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationAccess } from '../access/deliberation-access';
import { ProposalRecord } from './proposal-record';
import { ProposalsRepository } from './proposals.repository';

const WHAT = '该提案';

/** Who sees a proposal: staff with deliberation.read in scope and residents living within its unit; else 404. */
@Injectable()
export class ProposalAccess {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly access: DeliberationAccess,
  ) {}

  async visible(user: AuthenticatedUser, id: string, manager?: EntityManager): Promise<ProposalRecord> {
    const proposal = await this.proposals.readOne(manager, id);
    if (!proposal) throw new NotFoundProblem(WHAT);
    await this.access.assertCanSee(user, proposal.unitPath, WHAT);
    return proposal;
  }

  /** The resident (living within the proposal's unit) acting on it; 404/403 as `DeliberationAccess.residentWithin`. */
  async resident(user: AuthenticatedUser, id: string): Promise<{ proposal: ProposalRecord; personId: string }> {
    const proposal = await this.proposals.readOne(undefined, id);
    if (!proposal) throw new NotFoundProblem(WHAT);
    const resident = await this.access.residentWithin(user, proposal.unitPath, WHAT);
    return { proposal, personId: resident.personId };
  }
}

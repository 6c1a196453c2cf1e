import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of resident proposals (居民提案制). Never renamed once released. */
export enum ProposalsCode {
  /** A co-signature, or a withdrawal, once the proposal was adopted or withdrawn. */
  ProposalClosed = 'deliberation.proposal-closed',
  CosignOwnProposal = 'deliberation.cosign-own-proposal',
  AlreadyCosigned = 'deliberation.already-cosigned',
  /** Only the proposer withdraws their proposal. */
  ProposerOnly = 'deliberation.proposer-only',
}

const CATALOGUE: Record<ProposalsCode, ProblemDefinition> = {
  [ProposalsCode.ProposalClosed]: {
    status: 409,
    title: 'Proposal closed',
    detail: '该提案已转为议题或已撤回，不能再附议',
  },
  [ProposalsCode.CosignOwnProposal]: {
    status: 409,
    title: 'You cannot co-sign your own proposal',
    detail: '提案人不能附议自己的提案',
  },
  [ProposalsCode.AlreadyCosigned]: { status: 409, title: 'Already co-signed', detail: '您已附议过该提案' },
  [ProposalsCode.ProposerOnly]: { status: 403, title: 'Proposer only', detail: '只有提案人可以撤回提案' },
};

export class ProposalsException extends ProblemException {
  constructor(code: ProposalsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of votes (表决) and their ballots. Never renamed once released. */
export enum VotesCode {
  /** closesAt is not after opensAt. */
  VoteTimes = 'deliberation.vote-times',
  /** The options are fewer than 2, more than 20, blank or repeated. */
  VoteOptions = 'deliberation.vote-options',
  /** A vote on a topic is held at the topic's own unit. */
  VoteUnitMismatch = 'deliberation.vote-unit-mismatch',
  /** A ballot before the vote opens, after it closes, or on a closed vote. */
  VoteNotOpen = 'deliberation.vote-not-open',
  /** The option named is not one of the vote's options. */
  VoteOptionUnknown = 'deliberation.vote-option-unknown',
  /** This voter (or, for a household vote, this household) has a ballot already. */
  AlreadyVoted = 'deliberation.already-voted',
  /** The person is not on the vote's frozen electoral roll. */
  NotOnRoll = 'deliberation.not-on-roll',
  /** A paper ballot is recorded with the reference of its evidence (the signed sheet, the photo). */
  EvidenceRequired = 'deliberation.evidence-required',
  /** The results are hidden until the vote closes. */
  ResultsHidden = 'deliberation.results-hidden',
  /** Closing before the end time while some eligible voters have not voted. */
  VoteStillOpen = 'deliberation.vote-still-open',
}

const CATALOGUE: Record<VotesCode, ProblemDefinition> = {
  [VotesCode.VoteTimes]: { status: 400, title: 'Vote times inconsistent', detail: '表决截止时间须晚于开始时间' },
  [VotesCode.VoteOptions]: {
    status: 400,
    title: 'Vote options invalid',
    detail: '表决选项须为 2 至 20 个互不相同的非空选项',
  },
  [VotesCode.VoteUnitMismatch]: {
    status: 400,
    title: 'Vote not at the topic unit',
    detail: '针对议题的表决须在议题所在单元发起',
  },
  [VotesCode.VoteNotOpen]: { status: 409, title: 'Vote not open', detail: '表决未开始或已结束' },
  [VotesCode.VoteOptionUnknown]: { status: 400, title: 'Unknown option', detail: '该选项不在表决选项中' },
  [VotesCode.AlreadyVoted]: { status: 409, title: 'Already voted', detail: '您已投票，不能重复投票' },
  [VotesCode.NotOnRoll]: { status: 403, title: 'Not on the electoral roll', detail: '不在本次表决的选民名单中' },
  [VotesCode.EvidenceRequired]: {
    status: 400,
    title: 'Evidence required',
    detail: '代录纸质选票须填写凭证编号（如签名表决票、照片编号）',
  },
  [VotesCode.ResultsHidden]: { status: 409, title: 'Results hidden', detail: '表决结束前不公布计票结果' },
  [VotesCode.VoteStillOpen]: {
    status: 409,
    title: 'Vote still open',
    detail: '表决尚未截止且仍有选民未投票，不能提前结束',
  },
};

export class VotesException extends ProblemException {
  constructor(code: VotesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

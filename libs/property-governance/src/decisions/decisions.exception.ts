import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of owners' joint decisions (业主共同决定) and their ballots. Never renamed once released. */
export enum DecisionsCode {
  /** closesAt is not after opensAt. */
  DecisionTimes = 'property.decision-times',
  /** The complex has no exclusive part on record: there is nobody to decide. */
  NoElectorate = 'property.no-electorate',
  /** A ballot before the decision opens, after it closes, or on a closed decision; closing a closed one. */
  DecisionNotOpen = 'property.decision-not-open',
  /** This head (exclusive part, or one buyer's parts) has a ballot already: one per head, no re-voting. */
  HeadAlreadyVoted = 'property.head-already-voted',
  /** The person is an owner in no head of the decision's frozen roll (or the roll has no developer head). */
  NotOnRoll = 'property.not-on-roll',
  /** The person is an owner in several heads: name the one voting with headKey. */
  HeadAmbiguous = 'property.head-ambiguous',
  /** A paper or proxy ballot is recorded with the reference of its evidence. */
  EvidenceRequired = 'property.evidence-required',
  /** A proxy ballot names the authorized person; only a proxy ballot does. */
  ProxyPerson = 'property.proxy-person',
  /** An online ballot is the caller's own: naming another owner needs channel paper or proxy. */
  BallotChannel = 'property.ballot-channel',
  /** Closing before the end time while some heads have not voted. */
  DecisionStillOpen = 'property.decision-still-open',
  /** Per-head results are published once the decision is closed. */
  ResultsNotPublished = 'property.results-not-published',
}

const CATALOGUE: Record<DecisionsCode, ProblemDefinition> = {
  [DecisionsCode.DecisionTimes]: {
    status: 400,
    title: 'Decision times inconsistent',
    detail: '表决截止时间须晚于开始时间',
  },
  [DecisionsCode.NoElectorate]: {
    status: 409,
    title: 'No electorate',
    detail: '该小区尚未登记专有部分，无法发起业主共同决定',
  },
  [DecisionsCode.DecisionNotOpen]: { status: 409, title: 'Decision not open', detail: '表决未开始或已结束' },
  [DecisionsCode.HeadAlreadyVoted]: {
    status: 409,
    title: 'Head already voted',
    detail: '本户（专有部分）已投票，不能重复投票',
  },
  [DecisionsCode.NotOnRoll]: { status: 403, title: 'Not on the roll', detail: '不在本次表决的业主名册中' },
  [DecisionsCode.HeadAmbiguous]: {
    status: 400,
    title: 'Several heads',
    detail: '您在多个专有部分（户）中为业主，请指定投票的户（headKey）',
  },
  [DecisionsCode.EvidenceRequired]: {
    status: 400,
    title: 'Evidence required',
    detail: '代录纸质选票或委托投票须填写凭证编号（签名表决票、书面委托书）',
  },
  [DecisionsCode.ProxyPerson]: {
    status: 400,
    title: 'Proxy person',
    detail: '委托投票须填写受托人（proxyPersonId），其他方式不得填写',
  },
  [DecisionsCode.BallotChannel]: {
    status: 400,
    title: 'Online ballots are your own',
    detail: '网上投票仅限业主本人；为其他业主代录请选择纸质票（paper）或委托投票（proxy）',
  },
  [DecisionsCode.DecisionStillOpen]: {
    status: 409,
    title: 'Decision still open',
    detail: '表决尚未截止且仍有业主未投票，不能提前结束',
  },
  [DecisionsCode.ResultsNotPublished]: {
    status: 409,
    title: 'Results not published',
    detail: '表决结束后方公布各户表决结果',
  },
};

export class DecisionsException extends ProblemException {
  constructor(code: DecisionsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

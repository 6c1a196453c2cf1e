import { ConventionRecord, ConventionVote } from './convention-record';
import { ConventionsCode, ConventionsException } from './conventions.exception';

/** Why a vote cannot decide on a convention: a stable `reason` and its Chinese detail. */
interface VoteFault {
  reason: string;
  detail: string;
}

/**
 * The rule that adopts a residents' convention: a closed vote on this very convention, by a
 * residents' meeting (electorate residents) or a representatives' meeting (representatives), under
 * the two-thirds pass rule, whose outcome is passed. A vote passed by a simple majority does not
 * adopt a convention.
 */
export class ConventionVoteRule {
  /** The vote decides on the convention at all (its own, closed); else 409 `deliberation.convention-vote-invalid`. */
  static assertDecides(convention: ConventionRecord, vote: ConventionVote | undefined): ConventionVote {
    const fault = ConventionVoteRule.decidingFault(convention, vote);
    if (fault) throw ConventionVoteRule.invalid(fault);
    return vote as ConventionVote;
  }

  /** Why the (deciding) vote does not adopt the convention, or undefined when it does. */
  static adoptionFault(vote: ConventionVote): VoteFault | undefined {
    if (vote.electorate !== 'residents' && vote.electorate !== 'representatives')
      return { reason: 'electorate', detail: '居民公约须由居民会议或居民代表会议表决' };
    if (vote.passRule !== 'two_thirds')
      return { reason: 'pass-rule', detail: '居民公约须经三分之二以上多数通过，过半数通过的表决不能作为依据' };
    if (vote.outcome !== 'passed')
      return { reason: 'not-passed', detail: `表决未获通过（结果：${vote.outcome ?? '无'}）` };
    return undefined;
  }

  static invalid(fault: VoteFault): ConventionsException {
    return new ConventionsException(ConventionsCode.VoteInvalid, {
      detail: fault.detail,
      extensions: { reason: fault.reason },
    });
  }

  private static decidingFault(convention: ConventionRecord, vote: ConventionVote | undefined): VoteFault | undefined {
    if (!vote || vote.conventionId !== convention.id)
      return { reason: 'other-convention', detail: '该表决不是针对本公约发起的' };
    if (vote.status !== 'closed') return { reason: 'not-closed', detail: '表决尚未结束' };
    return undefined;
  }
}

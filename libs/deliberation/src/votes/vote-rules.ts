/**
 * The quorum and pass rules of a vote (表决), encoded exactly. Legal source: 城市居民委员会组织法
 * arts 9–10 — a residents' meeting is valid with more than half of the adult residents (or of the
 * household representatives) present and decides by more than half of those present; two-thirds
 * where the community's rules (or a convention's adoption) ask for it.
 *
 * - quorum `more_than_half`: cast × 2 > eligible; `two_thirds`: cast × 3 ≥ eligible × 2; `none`: always met.
 * - A vote whose quorum is not met is `invalid`, whatever the counts.
 * - pass rule over the ballots cast: `more_than_half`: count × 2 > cast; `two_thirds`: count × 3 ≥ cast × 2.
 * - The FIRST option is the proposal (「同意」 in a yes/no vote): the vote has `passed` iff the first
 *   option meets the pass rule, else it is `rejected`. `passingOption` is the first option when passed.
 */
export const VOTE_ELECTORATES = ['residents', 'households', 'representatives'] as const;
export type VoteElectorate = (typeof VOTE_ELECTORATES)[number];

export const VOTE_QUORUMS = ['more_than_half', 'two_thirds', 'none'] as const;
export type VoteQuorum = (typeof VOTE_QUORUMS)[number];

export const VOTE_PASS_RULES = ['more_than_half', 'two_thirds'] as const;
export type VotePassRule = (typeof VOTE_PASS_RULES)[number];

export type VoteOutcome = 'passed' | 'rejected' | 'invalid';

/** What a closed vote records (`deliberation_votes.result`). */
export interface VoteResult {
  eligible: number;
  cast: number;
  /** Every option, zeros included. */
  counts: Record<string, number>;
  quorumMet: boolean;
  outcome: VoteOutcome;
  passingOption?: string;
}

export function quorumMet(quorum: VoteQuorum, cast: number, eligible: number): boolean {
  if (quorum === 'more_than_half') return cast * 2 > eligible;
  if (quorum === 'two_thirds') return cast * 3 >= eligible * 2;
  return true;
}

export function meetsPassRule(rule: VotePassRule, count: number, cast: number): boolean {
  if (cast === 0) return false;
  return rule === 'more_than_half' ? count * 2 > cast : count * 3 >= cast * 2;
}

/** The result of a vote from its figures; `counted` holds the counts per option (options absent count 0). */
export function voteResult(
  vote: { options: string[]; quorum: VoteQuorum; passRule: VotePassRule; eligible: number },
  counted: Record<string, number>,
): VoteResult {
  const counts: Record<string, number> = {};
  for (const option of vote.options) counts[option] = counted[option] ?? 0;
  const cast = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const met = quorumMet(vote.quorum, cast, vote.eligible);
  if (!met) return { eligible: vote.eligible, cast, counts, quorumMet: false, outcome: 'invalid' };
  const proposal = vote.options[0];
  const passed = meetsPassRule(vote.passRule, counts[proposal], cast);
  return {
    eligible: vote.eligible,
    cast,
    counts,
    quorumMet: true,
    outcome: passed ? 'passed' : 'rejected',
    ...(passed ? { passingOption: proposal } : {}),
  };
}

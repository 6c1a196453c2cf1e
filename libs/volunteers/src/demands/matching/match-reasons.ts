import { AVAILABILITY_SLOT_DISPLAY, AvailabilitySlot } from '../../profiles/volunteer-stage';

/** Closeness of the volunteer's home to the demand: the kind of their deepest common unit, and its weight. */
export const CLOSENESS: Record<string, { points: number; reason: string }> = {
  building: { points: 30, reason: '同一楼栋' },
  complex: { points: 24, reason: '同一小区' },
  grid: { points: 18, reason: '同一网格' },
  community: { points: 12, reason: '同一社区' },
  street: { points: 6, reason: '同一街道' },
};

export interface MatchFacts {
  matchedSkillNames: string[];
  requiredCount: number;
  commonKind: string | null;
  available: boolean;
  slot: AvailabilitySlot;
  recentClaims: number;
  ratingSum: number;
  ratingCount: number;
}

/** The Chinese reasons shown next to a match, in the order of the score's parts. */
export function matchReasons(facts: MatchFacts): string[] {
  const reasons: string[] = [];
  if (facts.requiredCount > 0) {
    reasons.push(
      facts.matchedSkillNames.length === facts.requiredCount
        ? `技能匹配：${facts.matchedSkillNames.join('、')}`
        : `技能部分匹配（${facts.matchedSkillNames.length}/${facts.requiredCount}）：${facts.matchedSkillNames.join('、')}`,
    );
  }
  const closeness = facts.commonKind ? CLOSENESS[facts.commonKind] : undefined;
  if (closeness) reasons.push(closeness.reason);
  if (facts.available) reasons.push(`${AVAILABILITY_SLOT_DISPLAY[facts.slot]}有空`);
  reasons.push(`近30天认领 ${facts.recentClaims} 次`);
  reasons.push(
    facts.ratingCount === 0
      ? '暂无评分'
      : `平均评分 ${(facts.ratingSum / facts.ratingCount).toFixed(1)}（${facts.ratingCount} 次）`,
  );
  return reasons;
}

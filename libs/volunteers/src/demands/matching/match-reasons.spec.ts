import { matchReasons } from './match-reasons';

describe('matchReasons', () => {
  it('names the matched skills, the closeness, the free slot, the recent load and the rating', () => {
    expect(
      matchReasons({
        matchedSkillNames: ['法律咨询'],
        requiredCount: 1,
        commonKind: 'complex',
        available: true,
        slot: 'weekend_daytime',
        recentClaims: 0,
        ratingSum: 9,
        ratingCount: 2,
      }),
    ).toEqual(['技能匹配：法律咨询', '同一小区', '周末白天有空', '近30天认领 0 次', '平均评分 4.5（2 次）']);
  });

  it('says when skills are only partly covered and when nobody has rated the volunteer yet', () => {
    expect(
      matchReasons({
        matchedSkillNames: ['翻译'],
        requiredCount: 2,
        commonKind: 'street',
        available: false,
        slot: 'weekday_evening',
        recentClaims: 3,
        ratingSum: 0,
        ratingCount: 0,
      }),
    ).toEqual(['技能部分匹配（1/2）：翻译', '同一街道', '近30天认领 3 次', '暂无评分']);
  });
});

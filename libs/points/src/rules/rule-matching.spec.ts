import {
  CandidateRule,
  eventTitle,
  organizationReason,
  pendingKeys,
  resolutionKey,
  ruleAmount,
  ruleReason,
  rulesForActor,
  scalarKeyValue,
} from './rule-matching';

function rule(overrides: Partial<CandidateRule>): CandidateRule {
  return {
    ruleId: overrides.code ?? 'r',
    code: 'r',
    version: 1,
    name: '参加活动',
    eventType: 'volunteers.activity.attended',
    filters: {},
    actorRoles: [],
    accountKind: 'redeemable',
    points: 5,
    per: 'occurrence',
    caps: {},
    validityMonths: null,
    unitId: null,
    unitPath: null,
    activeFrom: null,
    activeTo: null,
    creditOrganization: false,
    pendingUntil: null,
    pendingRejectedBy: null,
    pendingKey: null,
    ...overrides,
  };
}

describe('choosing the rules that pay an actor', () => {
  it("lets a community's own rule replace the city's for the same account kind, keeping rules of the other kind", () => {
    const city = rule({ code: 'city', unitPath: null });
    const street = rule({ code: 'street', unitPath: '1.2.3' });
    const community = rule({ code: 'community', unitPath: '1.2.3.4' });
    const cityAssessment = rule({ code: 'city-assessment', accountKind: 'assessment' });

    expect(rulesForActor([city, street, community, cityAssessment], 'volunteer').map((r) => r.code)).toEqual([
      'community',
      'city-assessment',
    ]);
  });

  it('pays only the roles a rule names, and every actor when it names none', () => {
    const claimant = rule({ code: 'claimant', actorRoles: ['claimant'] });
    const anyone = rule({ code: 'anyone', accountKind: 'assessment' });

    expect(rulesForActor([claimant, anyone], 'requester').map((r) => r.code)).toEqual(['anyone']);
    expect(rulesForActor([claimant, anyone], 'claimant').map((r) => r.code)).toEqual(['claimant', 'anyone']);
  });

  it("does not let a more specific rule for another role take an actor's rule away", () => {
    const cityOrganizer = rule({ code: 'city-organizer', actorRoles: ['organizer'], points: 10 });
    const communityVolunteer = rule({
      code: 'community-volunteer',
      actorRoles: ['volunteer'],
      unitPath: '1.2.3.4',
      points: 8,
    });

    expect(rulesForActor([cityOrganizer, communityVolunteer], 'organizer').map((r) => r.code)).toEqual([
      'city-organizer',
    ]);
  });

  it('applies every rule of the same scope and kind', () => {
    expect(
      rulesForActor([rule({ code: 'a' }), rule({ code: 'b', filters: { kind: 'party_day' } })], 'volunteer'),
    ).toHaveLength(2);
  });
});

describe('the amount a rule gives', () => {
  it("gives the rule's points per occurrence whatever the quantity", () => {
    expect(ruleAmount({ points: 5, per: 'occurrence' }, 3.5)).toBe(5);
  });

  it('gives points per unit of quantity, rounded down', () => {
    expect(ruleAmount({ points: 10, per: 'quantity' }, 2.5)).toBe(25);
    expect(ruleAmount({ points: 3, per: 'quantity' }, 1.9)).toBe(5);
    expect(ruleAmount({ points: 30, per: 'quantity' }, 0.1)).toBe(3);
  });

  it('gives nothing for a quantity rule when the event has no quantity', () => {
    expect(ruleAmount({ points: 10, per: 'quantity' }, null)).toBe(0);
    expect(ruleAmount({ points: 10, per: 'quantity' }, 0)).toBe(0);
  });
});

describe('the reasons owners read', () => {
  it("names the rule and the event's title", () => {
    expect(ruleReason({ name: '参加活动' }, { title: ' 社区清洁日 ' })).toBe('参加活动「社区清洁日」获得积分');
  });

  it('names only the rule when the event has no title', () => {
    expect(ruleReason({ name: '上报安全隐患' }, { title: 42 })).toBe('上报安全隐患获得积分');
  });

  it('shortens a long title', () => {
    expect(eventTitle({ title: '长'.repeat(80) })).toBe(`${'长'.repeat(60)}…`);
  });

  it('tells an organization which member earned its points', () => {
    expect(organizationReason('参加活动「社区清洁日」获得积分', '张伟')).toBe(
      '参加活动「社区清洁日」获得积分（党员张伟）',
    );
  });
});

describe('pending points', () => {
  const wish = rule({
    pendingUntil: 'volunteers.wish.confirmed',
    pendingRejectedBy: 'volunteers.wish.rejected',
    pendingKey: 'wishId',
  });

  it('keys pending points to the confirming and the voiding event by a data field', () => {
    expect(pendingKeys(wish, { wishId: 'w-1' })).toEqual({
      confirmKey: 'volunteers.wish.confirmed/wishId=w-1',
      rejectKey: 'volunteers.wish.rejected/wishId=w-1',
    });
  });

  it('is not pending for a rule without confirmation', () => {
    expect(pendingKeys(rule({}), { wishId: 'w-1' })).toBeNull();
  });

  it('leaves pending points without keys when the event lacks the field', () => {
    expect(pendingKeys(wish, {})).toEqual({ confirmKey: null, rejectKey: null });
  });

  it("builds the same key from the confirming event's type and data", () => {
    expect(resolutionKey('volunteers.wish.confirmed', 'wishId', String(scalarKeyValue('w-1')))).toBe(
      pendingKeys(wish, { wishId: 'w-1' })?.confirmKey,
    );
    expect(pendingKeys(wish, { wishId: 42 })?.confirmKey).toBe('volunteers.wish.confirmed/wishId=42');
  });

  it('does not key pending points by values that cannot identify them', () => {
    expect(scalarKeyValue({ nested: true })).toBeNull();
    expect(scalarKeyValue('')).toBeNull();
    expect(scalarKeyValue('x'.repeat(151))).toBeNull();
  });
});

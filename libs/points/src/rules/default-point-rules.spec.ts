import { REPEATABLE_RULE_CAPS } from '../migrations/1795360200000-CapRepeatableDefaultRules';
import { DEFAULT_POINT_RULES } from './default-point-rules';

describe('default point rules', () => {
  it('caps every default rule per day, so that no one earns without limit by repeating an event', () => {
    const uncapped = DEFAULT_POINT_RULES.filter((rule) => typeof rule.spec.caps.day !== 'number').map((r) => r.code);
    expect(uncapped).toEqual([]);
  });

  it('gives seeded rules exactly the caps the capping migration gave the rules seeded before it', () => {
    const byCode = new Map(DEFAULT_POINT_RULES.map((rule) => [rule.code, rule.spec.caps]));
    for (const [code, caps] of Object.entries(REPEATABLE_RULE_CAPS))
      expect([code, byCode.get(code)]).toEqual([code, caps]);
    // The rules the migration leaves alone already had their daily cap when first released.
    const untouched = DEFAULT_POINT_RULES.filter((rule) => !(rule.code in REPEATABLE_RULE_CAPS)).map((r) => r.code);
    expect(untouched).toEqual([
      'service-hour',
      'activity-attended',
      'post-shift-completed',
      'meeting-attended',
      'proposal-adopted',
      'proposal-adopted-assessment',
      'hazard-reported',
    ]);
  });
});

import { covers, narrowScope, scopeCovers, scopeOf, unitPathCondition } from './unit-scope';

describe('covers', () => {
  it('reaches the unit itself and every unit below it', () => {
    expect(covers('city.d1', 'city.d1')).toBe(true);
    expect(covers('city.d1', 'city.d1.s1')).toBe(true);
    expect(covers('city.d1', 'city.d1.s1.g9')).toBe(true);
  });

  it('does not reach siblings, parents or units that merely share a name prefix', () => {
    expect(covers('city.d1', 'city.d2')).toBe(false);
    expect(covers('city.d1', 'city')).toBe(false);
    expect(covers('city.d1', 'city.d10')).toBe(false);
    expect(covers('city.d1', 'city.d1x.s1')).toBe(false);
  });

  it('lets a deployment-wide grant reach everything, deployment-wide records included', () => {
    expect(covers(null, 'city.d1')).toBe(true);
    expect(covers(null, null)).toBe(true);
  });

  it('keeps deployment-wide records away from unit grants', () => {
    expect(covers('city', null)).toBe(false);
  });
});

describe('scopeOf', () => {
  it('is everything as soon as one grant is deployment-wide', () => {
    expect(scopeOf(['city.d1', null])).toBe('all');
  });

  it('drops paths already inside another granted subtree and duplicates', () => {
    expect(scopeOf(['city.d1.s1', 'city.d1', 'city.d2', 'city.d1'])).toEqual(['city.d1', 'city.d2']);
  });

  it('is empty without grants', () => {
    expect(scopeOf([])).toEqual([]);
    expect(scopeCovers([], 'city')).toBe(false);
  });

  it('narrows to a subtree inside the scope and to nothing outside it', () => {
    expect(narrowScope(['city.d1'], 'city.d1.s1')).toEqual(['city.d1.s1']);
    expect(narrowScope(['city.d1'], 'city.d2')).toEqual([]);
    expect(narrowScope('all', 'city.d2')).toEqual(['city.d2']);
  });
});

describe('unitPathCondition', () => {
  it('matches each path and its descendants with parameters, escaping LIKE wildcards', () => {
    const condition = unitPathCondition('u.unit_path', ['city.d_1', 'x%'], 'p');
    expect(condition.sql).toBe(
      '(u.unit_path = :p_eq0 OR u.unit_path LIKE :p_like0 OR u.unit_path = :p_eq1 OR u.unit_path LIKE :p_like1)',
    );
    expect(condition.params).toEqual({ p_eq0: 'city.d_1', p_like0: 'city.d\\_1.%', p_eq1: 'x%', p_like1: 'x\\%.%' });
  });

  it('is TRUE for everything and FALSE for an empty scope', () => {
    expect(unitPathCondition('c', 'all').sql).toBe('TRUE');
    expect(unitPathCondition('c', []).sql).toBe('FALSE');
  });
});

import { descendantsPattern, isWithin, pathPrefixes } from '@linli/platform';
import { rebasePath } from './unit-paths';

describe('unit paths', () => {
  it('lists the paths from the root down to the unit itself', () => {
    expect(pathPrefixes('1.12.305')).toEqual(['1', '1.12', '1.12.305']);
    expect(pathPrefixes('7')).toEqual(['7']);
  });

  it('treats a label that merely starts with the same digits as outside the subtree', () => {
    expect(isWithin('1.12.305', '1.12')).toBe(true);
    expect(isWithin('1.12', '1.12')).toBe(true);
    expect(isWithin('1.123', '1.12')).toBe(false);
    expect(descendantsPattern('1.12')).toBe('1.12.%');
  });

  it('rebases a path inside a moved subtree and refuses one outside it', () => {
    expect(rebasePath('1.12.305.9', '1.12.305', '1.40.305')).toBe('1.40.305.9');
    expect(rebasePath('1.12.305', '1.12.305', '1.40.305')).toBe('1.40.305');
    expect(() => rebasePath('1.13', '1.12', '1.40')).toThrow();
  });
});

import { commonAncestorPath } from './common-ancestor-path';

describe('commonAncestorPath', () => {
  it('finds the deepest path containing every path, label by label', () => {
    expect(commonAncestorPath(['1.2.3', '1.2.5.9', '1.2.3.4'])).toBe('1.2');
    expect(commonAncestorPath(['1.12.3', '1.1.3'])).toBe('1');
    expect(commonAncestorPath(['1.2.3', '1.2.3'])).toBe('1.2.3');
  });

  it('is null for paths in different trees and for no paths', () => {
    expect(commonAncestorPath(['1.2', '7.2'])).toBeNull();
    expect(commonAncestorPath([])).toBeNull();
  });
});

import { replaceSection } from './results-sections';

describe('RESULTS.md sections', () => {
  const file =
    '# Organization\n\norg body\n\n# Points module benchmark\n\nold points\n\n# Volunteers module benchmark\n\nold volunteers\n';

  it('replaces a section in the middle and keeps the ones around it', () => {
    const updated = replaceSection(file, '# Points module benchmark', '# Points module benchmark\n\nnew points\n');
    expect(updated).toBe(
      '# Organization\n\norg body\n\n# Points module benchmark\n\nnew points\n\n# Volunteers module benchmark\n\nold volunteers\n',
    );
  });

  it('replaces the last section, and appends a section not there yet', () => {
    expect(replaceSection(file, '# Volunteers module benchmark', '# Volunteers module benchmark\n\nnew\n')).toContain(
      'old points\n\n# Volunteers module benchmark\n\nnew\n',
    );
    expect(replaceSection('# Organization\n\nbody\n', '# Volunteers', '# Volunteers\n\nv\n')).toBe(
      '# Organization\n\nbody\n\n# Volunteers\n\nv\n',
    );
  });
});

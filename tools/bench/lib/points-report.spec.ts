import { PointsPartReport, pointsSectionOf, renderPointsReport, withPointsSection } from './points-report';
import { Machine } from './machine';

const machine: Machine = {
  cpus: 2,
  cpuModel: 'AMD EPYC',
  memoryGiB: 23.5,
  node: 'v20',
  postgres: '15.20',
  postgresSettings: { work_mem: '4MB' },
};

function part(name: PointsPartReport['part'], measured: string, met: boolean): PointsPartReport {
  return {
    part: name,
    machine,
    date: `date-of-${measured}`,
    command: `bench --only ${name}`,
    load: { start: '1.00, 1.00, 1.00', end: '2.00, 1.00, 1.00' },
    targets: [{ what: `${name} target`, target: 'fast', measured, met }],
    data: [`${name} data`],
    details: [`${name} details`],
    notes: [],
  };
}

describe('the points section of RESULTS.md', () => {
  it('keeps the parts a run did not measure exactly as they were, and judges every row', () => {
    const full = renderPointsReport({
      parts: [part('pipeline', 'slow', false), part('redemptions', '155/s', true), part('assessment', '14 s', true)],
    });
    const file = `${withPointsSection('# Organization module benchmark\n\nkept\n', full)}\n# Volunteers module benchmark\n\nalso kept\n`;

    const rerun = renderPointsReport({ parts: [part('pipeline', 'quick', true)] }, pointsSectionOf(file));

    expect(full).toContain('Missed: pipeline target.');
    expect(rerun).toContain('Every points target of issue 4 is met (each part on the machine it names).');
    expect(rerun).toContain('| pipeline | pipeline target | fast | quick | ✅ met |');
    expect(rerun).not.toContain('| slow |');
    for (const kept of ['redemptions', 'assessment']) {
      const block = (text: string) => text.slice(text.indexOf(`${kept} data`) - 200, text.indexOf(`${kept} details`));
      expect(block(rerun)).toEqual(block(full));
      expect(rerun).toContain(full.split('\n').find((line) => line.startsWith(`| ${kept} |`)));
    }
    expect(pointsSectionOf(file)).not.toContain('Volunteers');
    const rewritten = withPointsSection(file, rerun);
    expect(rewritten).toMatch(/^# Organization module benchmark\n\nkept\n\n# Points module benchmark/);
    expect(rewritten).toContain('| pipeline | pipeline target | fast | quick | ✅ met |');
    expect(rewritten.endsWith('\n# Volunteers module benchmark\n\nalso kept\n')).toBe(true);
  });
});

import { Machine } from './machine';
import { ms } from './timing';

export interface PointsTargetRow {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface PointsBenchReport {
  date: string;
  command: string;
  machine: Machine;
  load: string;
  data: string[];
  targets: PointsTargetRow[];
  details: string[];
  notes: string[];
}

export const POINTS_SECTION_TITLE = '# Points module benchmark';

export const perSecond = (count: number, durationMs: number) => `${Math.round((count * 1000) / durationMs).toLocaleString('en-US')}/s`;
export { ms };

/** The points section of RESULTS.md: machine, command, date, data, and the results against the targets of issue 4. */
export function renderPointsReport(report: PointsBenchReport): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(POINTS_SECTION_TITLE, '');
  lines.push(`Measured ${report.date} with:`, '', '```', report.command, '```', '');
  lines.push('## Machine', '');
  lines.push(`- ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB memory`);
  lines.push(`- PostgreSQL ${m.postgres}, default settings (${Object.entries(m.postgresSettings).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  lines.push(`- Node.js ${m.node}; the api and the scheduler run in the benchmark's process (one Node.js process, one event loop), Redis on the same machine, \`LOG_LEVEL=warn\``);
  lines.push(`- Load average (1, 5, 15 min) when the run started: ${report.load}`, '');
  lines.push('## Data', '');
  for (const line of report.data) lines.push(`- ${line}`);
  lines.push('');
  lines.push('## Results against the targets', '');
  lines.push('| What | Target | Measured | Result |', '|---|---|---|---|');
  for (const row of report.targets) lines.push(`| ${row.what} | ${row.target} | ${row.measured} | ${row.met ? '✅ met' : '❌ **missed**'} |`);
  lines.push('');
  lines.push('## Details', '');
  for (const line of report.details) lines.push(`- ${line}`);
  lines.push('');
  const missed = report.targets.filter((row) => !row.met);
  lines.push('## Verdict', '');
  lines.push(missed.length === 0 ? 'Every points target of issue 4 is met on this machine.' : `Missed: ${missed.map((row) => row.what).join('; ')}.`, '');
  lines.push('## Notes', '');
  for (const note of report.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

/** Replaces the points section of RESULTS.md (or appends it), keeping every other section as is. */
export function withPointsSection(existing: string, section: string): string {
  const start = existing.indexOf(POINTS_SECTION_TITLE);
  const kept = start < 0 ? existing : existing.slice(0, start);
  return `${kept.trimEnd()}\n\n${section}`;
}

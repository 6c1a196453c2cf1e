import { Machine } from './machine';
import { ms } from './timing';

/** The parts of the points benchmark; each can be measured alone (`--only`). */
export const POINTS_PARTS = ['pipeline', 'redemptions', 'assessment'] as const;
export type PointsPart = (typeof POINTS_PARTS)[number];

const PART_TITLES: Record<PointsPart, string> = {
  pipeline: 'Event → entry pipeline',
  redemptions: 'Redemptions under concurrent clients',
  assessment: 'Quarterly assessment at city scale',
};

export interface PointsTargetRow {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

/** One part as measured by one run. */
export interface PointsPartReport {
  part: PointsPart;
  machine: Machine;
  date: string;
  command: string;
  /** Load average (1, 5, 15 min) when the part started and when it ended. */
  load: { start: string; end: string };
  targets: PointsTargetRow[];
  /** A paragraph for the verdict, when the rows alone do not say it all. */
  verdict?: string;
  data: string[];
  details: string[];
  notes: string[];
}

export interface PointsBenchReport {
  parts: PointsPartReport[];
}

export const POINTS_SECTION_TITLE = '# Points module benchmark';

export const perSecond = (count: number, durationMs: number) =>
  `${Math.round((count * 1000) / durationMs).toLocaleString('en-US')}/s`;
export { ms };

const TABLE_HEADER = ['| Part | What | Target | Measured | Result |', '|---|---|---|---|---|'];

function renderRow(part: PointsPart, row: PointsTargetRow): string {
  return `| ${part} | ${row.what} | ${row.target} | ${row.measured} | ${row.met ? '✅ met' : '❌ **missed**'} |`;
}

export function describeMachine(m: Machine): string {
  return (
    `${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB memory; PostgreSQL ${m.postgres}, default settings ` +
    `(${Object.entries(m.postgresSettings)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}); Node.js ${m.node}; Redis on the same machine; the api and the scheduler run in the benchmark's process (one Node.js process, one event loop), \`LOG_LEVEL=warn\``
  );
}

function renderPart(report: PointsPartReport): string[] {
  const lines = [`## ${PART_TITLES[report.part]}`, ''];
  lines.push(`Measured ${report.date} with:`, '', '```', report.command, '```', '');
  lines.push(`Machine: ${describeMachine(report.machine)}.`, '');
  lines.push(`Load average (1, 5, 15 min): ${report.load.start} at the start, ${report.load.end} at the end.`, '');
  for (const [title, items] of [
    ['Data', report.data],
    ['Details', report.details],
    ['Notes', report.notes],
  ] as const) {
    if (items.length === 0) continue;
    lines.push(`### ${title}`, '');
    for (const item of items) lines.push(`- ${item}`);
    lines.push('');
  }
  return lines;
}

/** What an earlier points section holds, by part: its rows in the targets table and its own subsection. */
interface KeptParts {
  rows: Map<PointsPart, string[]>;
  blocks: Map<PointsPart, string[]>;
}

function partOfTitle(line: string): PointsPart | null {
  const title = line.replace(/^## /, '').trim();
  return POINTS_PARTS.find((part) => PART_TITLES[part] === title) ?? null;
}

function readSection(section: string): KeptParts {
  const kept: KeptParts = { rows: new Map(), blocks: new Map() };
  let block: PointsPart | null = null;
  for (const line of section.split('\n')) {
    if (line.startsWith('## ')) block = partOfTitle(line);
    if (block) {
      kept.blocks.set(block, [...(kept.blocks.get(block) ?? []), line]);
      continue;
    }
    const cell = /^\| (pipeline|redemptions|assessment) \|/.exec(line);
    if (cell) kept.rows.set(cell[1] as PointsPart, [...(kept.rows.get(cell[1] as PointsPart) ?? []), line]);
  }
  return kept;
}

/**
 * The points section of RESULTS.md: the machine, every target of issue 4 in one table, the verdict,
 * and a subsection per part saying when and how it was measured. Parts this run did not measure
 * are kept from `previous` (the existing section) exactly as they were, rows included.
 */
export function renderPointsReport(report: PointsBenchReport, previous = ''): string {
  const kept = readSection(previous);
  const measured = new Map(report.parts.map((part) => [part.part, part]));
  const lines: string[] = [POINTS_SECTION_TITLE, ''];
  lines.push(
    'The points targets of issue 4. Each part below says when, with which command and on which machine it was measured: `--only <part>` remeasures one part and keeps the others as they were.',
    '',
  );
  lines.push('## Results against the targets', '', ...TABLE_HEADER);
  const rows: string[] = [];
  for (const part of POINTS_PARTS) {
    const now = measured.get(part);
    rows.push(...(now ? now.targets.map((row) => renderRow(part, row)) : (kept.rows.get(part) ?? [])));
  }
  lines.push(...rows, '');
  const missed = rows.filter((row) => row.includes('❌')).map((row) => row.split(' | ')[1]);
  lines.push('## Verdict', '');
  lines.push(
    missed.length === 0
      ? 'Every points target of issue 4 is met (each part on the machine it names).'
      : `Missed: ${missed.join('; ')}.`,
    '',
  );
  const verdicts = report.parts.flatMap((part) => part.verdict ?? []);
  if (verdicts.length > 0) lines.push(...verdicts, '');
  for (const part of POINTS_PARTS) {
    const now = measured.get(part);
    const block = now ? renderPart(now) : kept.blocks.get(part);
    if (!block) continue;
    const text = block.join('\n').trimEnd();
    lines.push(text, '');
  }
  return lines.join('\n');
}

/** Where the points section of RESULTS.md starts and ends (up to the next top-level heading), or null. */
function sectionBounds(existing: string): { start: number; end: number } | null {
  const start = existing.indexOf(POINTS_SECTION_TITLE);
  if (start < 0) return null;
  const next = existing.indexOf('\n# ', start + POINTS_SECTION_TITLE.length);
  return { start, end: next < 0 ? existing.length : next + 1 };
}

/** The existing points section of RESULTS.md ('' when there is none). */
export function pointsSectionOf(existing: string): string {
  const bounds = sectionBounds(existing);
  return bounds ? existing.slice(bounds.start, bounds.end) : '';
}

/** Replaces the points section of RESULTS.md (or appends it), keeping every other section as is. */
export function withPointsSection(existing: string, section: string): string {
  const bounds = sectionBounds(existing);
  if (!bounds) return `${existing.trimEnd()}\n\n${section.trimEnd()}\n`;
  const before = existing.slice(0, bounds.start).trimEnd();
  const after = existing.slice(bounds.end).trimEnd();
  return `${before ? `${before}\n\n` : ''}${section.trimEnd()}\n${after ? `\n${after}\n` : ''}`;
}

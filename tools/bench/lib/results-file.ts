import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Machine } from './machine';
import { replaceSection } from './results-sections';

const RESULTS = join(__dirname, '..', 'RESULTS.md');

/** The opening of a benchmark's section: its title, the date and the command that reproduces it (with this run's arguments). */
export function sectionOpening(title: string, command: string): string[] {
  const args = process.argv.slice(2).join(' ');
  return [
    title,
    '',
    `Measured ${new Date().toISOString()} with:`,
    '',
    '```',
    `${command}${args ? ` -- ${args}` : ''}`,
    '```',
    '',
  ];
}

/** `- 2 CPU (…), 23.5 GiB memory; PostgreSQL …; Node.js …` and what else stood on the machine. */
export function machineLine(machine: Machine, alongside = ''): string {
  return `- ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGiB} GiB memory; PostgreSQL ${machine.postgres}${alongside}; Node.js ${process.version}`;
}

/** Writes the section (`lines`, opening with its title) into tools/bench/RESULTS.md; answers the file's path. */
export function writeResultsSection(title: string, lines: string[]): string {
  writeFileSync(RESULTS, replaceSection(readFileSync(RESULTS, 'utf8'), title, lines.join('\n')));
  return RESULTS;
}

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { format } from 'node:util';

/** What the assembled guide knows of its document: where each step's snippet sits. */
export interface GuideOutline {
  document: string;
  steps: { step: number; title: string; fromLine: number; toLine: number }[];
}

export interface StepReport {
  step: number;
  title: string;
  /** The line of the step's opening fence. */
  line: number;
  status: 'passed' | 'failed' | 'not run';
  ms: number;
  /** What the snippet logged, line by line. */
  logged: string[];
}

/** Written to `LINLI_GUIDE_REPORT` (when set) once the guide has run. */
export interface GuideReport {
  passed: boolean;
  steps: StepReport[];
  failure?: { step: number; title: string; line: number; message: string };
  /** The snippets' top-level variables after the last step (JSON; functions and clients left out). */
  values: Record<string, unknown>;
}

/** Environment variable naming the file the report is written to. */
export const GUIDE_REPORT_ENV = 'LINLI_GUIDE_REPORT';

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * The few calls the assembled guide makes (tools/guide/guide-snippets.ts writes them): `step(n)` at
 * each opening fence, `run` around everything, `values` after the last step. Prints each step's
 * title and, indented below it, what its snippet logs; a failure names the step and the document
 * line it happened on.
 */
class GuideRuntime {
  private outline: GuideOutline = { document: '', steps: [] };
  private reports: StepReport[] = [];
  private current: StepReport | undefined;
  private started = 0;
  private collected: Record<string, unknown> = {};

  step(step: number): void {
    this.finishCurrent('passed');
    const spec = this.outline.steps[step - 1];
    this.current = this.reports[step - 1];
    this.started = Date.now();
    out('');
    out(`▶ ${step}. ${spec.title}   (${this.outline.document}:${spec.fromLine})`);
  }

  values(values: Record<string, unknown>): void {
    this.collected = values;
  }

  async run(outline: GuideOutline, body: () => Promise<void>): Promise<void> {
    this.outline = outline;
    this.reports = outline.steps.map((s) => ({
      step: s.step,
      title: s.title,
      line: s.fromLine,
      status: 'not run',
      ms: 0,
      logged: [],
    }));
    this.captureConsole();
    const began = Date.now();
    let failure: GuideReport['failure'];
    try {
      await body();
      this.finishCurrent('passed');
      out('');
      out(`✓ all ${outline.steps.length} steps passed in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    } catch (error) {
      const step = this.current ?? this.reports[0];
      this.finishCurrent('failed');
      const line = this.lineOf(error, step?.step);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      failure = { step: step?.step ?? 0, title: step?.title ?? '', line, message };
      out('');
      out(`✗ step ${failure.step} "${failure.title}" failed at ${outline.document}:${line}`);
      out(`  ${message}`);
      for (const field of fieldProblems(error)) out(`    ${field}`);
      process.exitCode = 1;
    }
    this.writeReport({ passed: failure === undefined, steps: this.reports, failure, values: this.collected });
  }

  private finishCurrent(status: StepReport['status']): void {
    if (!this.current) return;
    this.current.status = status;
    this.current.ms = Date.now() - this.started;
    this.current = undefined;
  }

  /** Every `console` call lands indented under its step and in the step's report. */
  private captureConsole(): void {
    const log = (...args: unknown[]) => {
      const text = format(...args);
      this.current?.logged.push(...text.split('\n'));
      for (const line of text.split('\n')) out(`  ${line}`);
    };
    Object.assign(console, { log, info: log, warn: log, error: log });
  }

  /** The document line an error was thrown from: the deepest frame inside the failing step's snippet. */
  private lineOf(error: unknown, step: number | undefined): number {
    const spec = step ? this.outline.steps[step - 1] : undefined;
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    // The assembled guide is the script node runs; its line N is the document's line N.
    const file = basename(process.argv[1] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const lines = [...stack.matchAll(new RegExp(`${file}:(\\d+):\\d+`, 'g'))].map((m) => Number(m[1]));
    const inStep = lines.find((line) => spec && line > spec.fromLine && line < spec.toLine);
    return inStep ?? lines[0] ?? spec?.fromLine ?? 0;
  }

  private writeReport(report: GuideReport): void {
    const path = process.env[GUIDE_REPORT_ENV];
    if (!path) return;
    const json = JSON.stringify(report, (_key, value: unknown) => {
      if (typeof value === 'function') return undefined;
      // A client (its functions and its token) is no value anyone wants in a report.
      if (value && typeof value === 'object' && typeof (value as { GET?: unknown }).GET === 'function')
        return undefined;
      return value;
    });
    writeFileSync(path, json);
  }
}

/** The field problems of a `validation.failed` answer (`LinliProblemError.problem.errors`). */
function fieldProblems(error: unknown): string[] {
  const problem = (error as { problem?: { errors?: { field: string; message: string }[] } } | undefined)?.problem;
  return (problem?.errors ?? []).map((e) => `${e.field}: ${e.message}`);
}

export const __guide = new GuideRuntime();

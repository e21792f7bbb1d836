/**
 * Where the wizard's `s` and quit put the report: --report PATH, else a time-stamped file in the
 * current directory. Never replaces a file it did not write itself unless --force is given, so a
 * second `s` updates this session's report but an old report is never silently lost.
 */
import { join } from 'node:path';
import type { ReportInput } from '../report/build-report.ts';
import type { Report } from '../report/report-model.ts';
import type { ReportWriter } from '../ui/wizard-types.ts';

export interface ReportExportOptions {
  readonly reportPath?: string;
  readonly force?: boolean;
  readonly redact?: boolean;
  readonly version: string;
  readonly now?: () => Date;
  readonly cwd?: string;
  readonly build: (input: ReportInput) => Report | Promise<Report>;
  readonly write: (path: string, report: Report, options: { force?: boolean; redact?: boolean }) => Promise<{ path: string }>;
}

/** `vnet-doctor-report-20261125-140312.md`, in local time like the user's clock. */
export function defaultReportName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `vnet-doctor-report-${date}-${time}.md`;
}

export function createReportExporter(options: ReportExportOptions): ReportWriter {
  const now = options.now ?? (() => new Date());
  const ours = new Set<string>();
  let chosen: string | undefined;
  return async ({ state, target, errors, interrupted }) => {
    chosen ??= options.reportPath ?? join(options.cwd ?? process.cwd(), defaultReportName(now()));
    const report = await options.build({ sessions: [state], target, errors, interrupted, now: now(), version: options.version });
    const result = await options.write(chosen, report, { force: options.force === true || ours.has(chosen), redact: options.redact });
    ours.add(chosen);
    return result.path;
  };
}

/**
 * Where the wizard's `s` and quit put the report: one file per session (and format). The first
 * save picks it: --report PATH, else a time-stamped file in the current directory; a file that
 * exists already (another session's report) is never replaced: the name gets `-2`, `-3`, ...
 * (only --force lets the first save replace an existing --report file). Every later save of the
 * session rewrites that same file atomically, so one sitting leaves one report, never seven.
 * Saving again without any change since the last save writes nothing and names the file. A resumed
 * session rewrites the file it wrote before it was interrupted, when that file is still exactly
 * as it left it (`mayRewrite`, report-reclaim.ts); otherwise it starts a new one.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ReportInput } from '../report/build-report.ts';
import type { ReportFormat } from '../report/format.ts';
import type { Report } from '../report/report-model.ts';
import type { Engine, EngineState } from '../engine/engine.ts';
import type { ReportError, ReportTarget } from '../report/report-model.ts';
import type { WrittenReport } from './session-schema.ts';

export interface ReportRequest {
  /** The flows and derivations the state ran on. */
  readonly engine: Engine;
  readonly state: EngineState;
  readonly target: ReportTarget;
  readonly errors: readonly ReportError[];
  /** True when the user stopped before the session ended. */
  readonly interrupted: boolean;
  /** Markdown unless asked otherwise (or --report names a .json file). */
  readonly format?: ReportFormat;
  /** The files the session wrote before it was resumed (from the saved session: data, checked before use). */
  readonly earlier?: readonly WrittenReport[];
}

export interface SavedReport {
  readonly path: string;
  /** Nothing changed since this file was written, so no new file was made. */
  readonly unchanged: boolean;
  /** What was written, for the session to keep (absent when nothing was written). */
  readonly written?: WrittenReport;
}

export type ReportExporter = (request: ReportRequest) => Promise<SavedReport>;

export interface ReportExportOptions {
  readonly reportPath?: string;
  readonly force?: boolean;
  readonly redact?: boolean;
  readonly version: string;
  readonly now?: () => Date;
  readonly cwd?: string;
  readonly build: (input: ReportInput) => Report | Promise<Report>;
  /** Must refuse to replace an existing file unless `force` (it throws an error with code EEXIST or named ReportExistsError). */
  readonly write: (path: string, report: Report, options: { force?: boolean; redact?: boolean }) => Promise<{ path: string; sha256?: string }>;
  /** Whether a file named in a resumed session may be rewritten (report-reclaim.ts); without it, never. */
  readonly mayRewrite?: (earlier: WrittenReport) => Promise<boolean>;
}

/** `vnet-doctor-report-20261125-140312.md`, in local time like the user's clock. */
export function defaultReportName(at: Date, format: ReportFormat = 'md'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `vnet-doctor-report-${date}-${time}.${format}`;
}

/** `report.md` -> `report-2.md`. */
export function numberedPath(path: string, n: number): string {
  if (n <= 1) return path;
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}-${n}${ext}`);
}

const MAX_NUMBERED = 1000;
const withRecord = (written: WrittenReport | undefined) => (written === undefined ? {} : { written });
const exists = (error: unknown) => (error as { name?: string }).name === 'ReportExistsError' || (error as NodeJS.ErrnoException).code === 'EEXIST';

export function createReportExporter(options: ReportExportOptions): ReportExporter {
  const now = options.now ?? (() => new Date());
  let last: { signature: string; path: string } | undefined;
  let saves = 0;
  /** This session's own report file per format: later saves rewrite it. */
  const own = new Map<ReportFormat, string>();
  /** Formats whose earlier file (from a resumed session) was already looked at. */
  const reclaimed = new Set<ReportFormat>();
  const record = (format: ReportFormat, written: { path: string; sha256?: string }): WrittenReport | undefined =>
    (written.sha256 === undefined ? undefined : { format, path: resolve(options.cwd ?? process.cwd(), written.path), sha256: written.sha256 });
  return async (request) => {
    const fromFlag = options.reportPath !== undefined && (request.format === undefined || options.reportPath.toLowerCase().endsWith(`.${request.format}`) || (request.format === 'md' && /\.markdown$/i.test(options.reportPath)));
    const format = request.format ?? 'md';
    const signature = JSON.stringify([request.state.inputs, request.state.status, Object.keys(request.state.facts).length, request.errors.length, request.interrupted, format]);
    if (last?.signature === signature) return { path: last.path, unchanged: true };
    const base = fromFlag ? options.reportPath! : join(options.cwd ?? process.cwd(), defaultReportName(now(), format));
    const report = await options.build({ engine: request.engine, sessions: [request.state], target: request.target, errors: request.errors, interrupted: request.interrupted, now: now(), version: options.version });
    saves += 1;
    // --report names the file for this run; without it, the file the session wrote before it was resumed.
    if (!fromFlag && !own.has(format) && !reclaimed.has(format)) {
      reclaimed.add(format);
      const earlier = request.earlier?.find((file) => file.format === format);
      if (earlier && options.mayRewrite && await options.mayRewrite(earlier)) own.set(format, earlier.path);
    }
    const mine = own.get(format);
    if (mine !== undefined) {
      const written = await options.write(mine, report, { force: true, redact: options.redact });
      last = { signature, path: written.path };
      return { path: written.path, unchanged: false, ...withRecord(record(format, written)) };
    }
    // Only the first save may replace the user's own --report file, and only with --force.
    const force = saves === 1 && fromFlag && options.force === true;
    for (let n = 1; n <= MAX_NUMBERED; n += 1) {
      const path = numberedPath(base, n);
      try {
        const written = await options.write(path, report, { force: force && n === 1, redact: options.redact });
        own.set(format, written.path);
        last = { signature, path: written.path };
        return { path: written.path, unchanged: false, ...withRecord(record(format, written)) };
      } catch (error) {
        if (!exists(error)) throw error;
      }
    }
    throw new Error(`${MAX_NUMBERED} reports named like ${base} exist already; move some away or pass --report PATH`);
  };
}

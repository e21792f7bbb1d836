/**
 * Saves a report: the format follows the file extension, `redact` pseudonymises it first, and an
 * existing file is only replaced with `force`. The write is atomic, so an interrupted or failed
 * save never leaves half a report behind.
 */
import { createHash } from 'node:crypto';
import { writeFileAtomic, writeFileAtomicSync } from '../fs/atomic-write.ts';
import { formatForPath, renderReport, type ReportFormat } from './format.ts';
import { redactReport } from './redact.ts';
import type { Report } from './report-model.ts';

export class ReportExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it, or choose another file name`);
    this.name = 'ReportExistsError';
  }
}

/** Reports describe the customer's network: readable by the owner only. */
const REPORT_MODE = 0o600;

const isExists = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';

export async function writeReport(
  path: string,
  report: Report,
  options: { force?: boolean; redact?: boolean } = {},
): Promise<{ path: string; format: ReportFormat; sha256: string }> {
  const format = formatForPath(path);
  const text = renderReport(options.redact ? redactReport(report) : report, format);
  try {
    await writeFileAtomic(path, text, { overwrite: options.force === true, mode: REPORT_MODE });
  } catch (error) {
    if (isExists(error)) throw new ReportExistsError(path);
    throw error;
  }
  return { path, format, sha256: sha256Of(text) };
}

/** The digest a session keeps of the report it wrote (report-reclaim.ts compares it). */
export const sha256Of = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** The same, synchronously: for exit and signal handlers that save a partial report. */
export function writeReportSync(path: string, report: Report, options: { force?: boolean; redact?: boolean } = {}): { path: string; format: ReportFormat } {
  const format = formatForPath(path);
  const text = renderReport(options.redact ? redactReport(report) : report, format);
  try {
    writeFileAtomicSync(path, text, { overwrite: options.force === true, mode: REPORT_MODE });
  } catch (error) {
    if (isExists(error)) throw new ReportExistsError(path);
    throw error;
  }
  return { path, format };
}

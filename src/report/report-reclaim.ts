/**
 * Whether a resumed session may rewrite a report file it wrote before. The path comes from the
 * saved session, which is data (hand-edited, copied from another machine): the file is taken
 * back only if it is a plain file of ours, named for its format, and still holds exactly the
 * bytes the session wrote (its SHA-256), and those bytes are a vnet-doctor report. Anything else
 * (the engineer added notes, the file was replaced, a symbolic link, a path aimed at another
 * file whose bytes the author of the session file knew) gets a new report file instead.
 */
import { lstat, readFile } from 'node:fs/promises';
import { extname, isAbsolute } from 'node:path';
import { sha256Of } from './write-report.ts';

/** Reports are far below this; a bigger file is not one of ours and is not read. */
export const MAX_RECLAIMED_REPORT_BYTES = 16 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<'md' | 'json', readonly string[]>> = { md: ['.md', '.markdown'], json: ['.json'] };

export interface EarlierReport {
  readonly format: 'md' | 'json';
  readonly path: string;
  readonly sha256: string;
}

export async function mayRewriteReport(earlier: EarlierReport): Promise<boolean> {
  if (!isAbsolute(earlier.path) || !EXTENSIONS[earlier.format].includes(extname(earlier.path).toLowerCase())) return false;
  try {
    const stat = await lstat(earlier.path);
    if (!stat.isFile() || stat.size > MAX_RECLAIMED_REPORT_BYTES) return false;
    // Written by this user (mode 0600): a file someone else owns is not this session's report.
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return false;
    const bytes = await readFile(earlier.path);
    return sha256Of(bytes) === earlier.sha256 && isVnetDoctorReport(bytes.toString('utf8'), earlier.format);
  } catch {
    return false;
  }
}

/** The first line of the Markdown report, or the JSON report's tool name: a file of ours, not just any file with known bytes. */
function isVnetDoctorReport(text: string, format: 'md' | 'json'): boolean {
  if (format === 'md') return text.startsWith('# vnet-doctor report');
  try {
    const parsed = JSON.parse(text) as { tool?: { name?: unknown } } | null;
    return parsed?.tool?.name === 'vnet-doctor';
  } catch {
    return false;
  }
}

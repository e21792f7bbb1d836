/**
 * `--report PATH` is checked when the command starts, before any Azure call or question, so a
 * typo or an existing file does not cost a whole run: the format must follow from the extension,
 * the directory must exist, and an existing file needs --force.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { formatForPath, type ReportFormat } from '../report/format.ts';

export function checkReportPath<F extends string = ReportFormat>(path: string, force: boolean | undefined, formatOf: (path: string) => F = formatForPath as (path: string) => F): F {
  const format = formatOf(path);
  const dir = dirname(resolve(path));
  const folder = statOrUndefined(dir);
  if (!folder) throw new UsageError(`--report ${path}: the directory ${dir} does not exist`);
  if (!folder.isDirectory()) throw new UsageError(`--report ${path}: ${dir} is not a directory`);
  const existing = statOrUndefined(path);
  if (existing?.isDirectory()) throw new UsageError(`--report ${path} is a directory; name a file`);
  if (existing && !force) throw new UsageError(`--report ${path} already exists; pass --force to replace it, or choose another file name`);
  return format;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Which exporter a report path asks for, by its extension. */
import { extname } from 'node:path';
import { UsageError } from '../errors.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import type { Report } from './report-model.ts';

export type ReportFormat = 'md' | 'json';

const EXTENSIONS: Readonly<Record<string, ReportFormat>> = { '.json': 'json', '.md': 'md', '.markdown': 'md' };

export function formatForPath(path: string): ReportFormat {
  const extension = extname(path).toLowerCase();
  const format = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  if (!format) {
    const given = extension === '' ? 'has no extension' : `ends in "${extension}"`;
    throw new UsageError(`the report file "${path}" ${given}; use .md or .markdown for Markdown, or .json for JSON`);
  }
  return format;
}

export function renderReport(report: Report, format: ReportFormat): string {
  return format === 'json' ? toJson(report) : toMarkdown(report);
}

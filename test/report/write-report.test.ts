import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/cli/args.ts';
import { formatForPath, renderReport } from '../../src/report/format.ts';
import { toJson } from '../../src/report/json.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { ReportExistsError, sha256Of, writeReport, writeReportSync } from '../../src/report/write-report.ts';
import { completeSession, reportOf } from './support/report-sessions.ts';

const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const report = reportOf([completeSession()]);

test('the file extension picks the format, case-insensitively', () => {
  assert.equal(formatForPath('out/report.json'), 'json');
  assert.equal(formatForPath('REPORT.JSON'), 'json');
  assert.equal(formatForPath('report.md'), 'md');
  assert.equal(formatForPath('report.markdown'), 'md');
});

test('an unknown or missing extension is a usage error naming the accepted ones', () => {
  for (const path of ['report.txt', 'report', 'report.json.bak']) {
    assert.throws(() => formatForPath(path), (error: unknown) => error instanceof UsageError && /\.md/.test(error.message) && /\.markdown/.test(error.message) && /\.json/.test(error.message) && error.message.includes(path));
  }
});

test('renderReport dispatches to the exporter for the format', () => {
  assert.equal(renderReport(report, 'json'), toJson(report));
  assert.equal(renderReport(report, 'md'), toMarkdown(report));
});

test('writeReport writes Markdown or JSON by extension, readable by the owner only', async () => {
  const md = join(dir, 'case-1.md');
  const json = join(dir, 'case-1.json');
  // The digest is of the bytes written: what a resumed session compares before it rewrites the file.
  assert.deepEqual(await writeReport(md, report), { path: md, format: 'md', sha256: sha256Of(readFileSync(md)) });
  assert.deepEqual(await writeReport(json, report), { path: json, format: 'json', sha256: sha256Of(readFileSync(json)) });
  assert.equal(readFileSync(md, 'utf8'), toMarkdown(report));
  assert.deepEqual(JSON.parse(readFileSync(json, 'utf8')), JSON.parse(toJson(report)));
  assert.equal(statSync(md).mode & 0o077, 0, 'no access for group or others');
});

test('an existing report is kept unless --force is given; the error names --force', async () => {
  const file = join(dir, 'existing.md');
  writeFileSync(file, 'earlier report');
  await assert.rejects(writeReport(file, report), (error: unknown) => error instanceof ReportExistsError && error.message.includes('--force') && error.message.includes(file));
  assert.equal(readFileSync(file, 'utf8'), 'earlier report');
  await writeReport(file, report, { force: true });
  assert.equal(readFileSync(file, 'utf8'), toMarkdown(report));
});

test('redact: the file holds the redacted report, the input is unchanged', async () => {
  const file = join(dir, 'redacted.json');
  await writeReport(file, report, { redact: true });
  const written = readFileSync(file, 'utf8');
  assert.equal(JSON.parse(written).redacted, true);
  assert.ok(!written.includes('gw-hub-weu') && !written.includes('contoso'));
  assert.equal(report.redacted, false);
});

test('a bad extension fails before anything is written', async () => {
  await assert.rejects(writeReport(join(dir, 'nope.html'), report), UsageError);
  assert.ok(!readdirSync(dir).some((name) => name.startsWith('nope') || name.includes('.tmp')));
});

test('writeReportSync (for exit handlers) follows the same rules', () => {
  const file = join(dir, 'interrupted.md');
  assert.deepEqual(writeReportSync(file, report), { path: file, format: 'md' });
  assert.equal(readFileSync(file, 'utf8'), toMarkdown(report));
  assert.throws(() => writeReportSync(file, report), ReportExistsError);
  writeReportSync(file, report, { force: true, redact: true });
  assert.match(readFileSync(file, 'utf8'), /Redacted report/);
});

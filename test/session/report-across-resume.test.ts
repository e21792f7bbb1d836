/**
 * One report file per session, across --resume (issue 19 item 10): a session quit before its end
 * and resumed later rewrites the report it wrote, instead of adding a file per sitting. The saved
 * session is data, so the file is taken back only when it still holds the bytes the session
 * wrote and is a vnet-doctor report; anything else gets a new file and stays as it is.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionController } from '../../src/session/controller.ts';
import { createReportExporter } from '../../src/session/report-export.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import type { SavedSession } from '../../src/session/session-schema.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { sha256Of, writeReport } from '../../src/report/write-report.ts';
import { mayRewriteReport } from '../../src/report/report-reclaim.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-resume-report-'));
after(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => { const dir = join(work, `d${(dirs += 1)}`); mkdirSync(dir); return dir; };
const NOW = () => new Date('2026-11-25T10:00:00Z');
const LATER = () => new Date('2026-11-25T11:30:00Z');

/** One sitting of the wizard: a controller over the shared state directory, writing reports into `dir`. */
function sitting(dir: string, now = NOW, reportPath?: string) {
  const store = new SessionStore(join(dir, 'state'));
  const reports = createReportExporter({ version: 'test', now, cwd: dir, build: buildReport, write: writeReport, mayRewrite: mayRewriteReport, ...(reportPath ? { reportPath } : {}) });
  const controller = new SessionController({ flowSet, derivations: {}, store, reports, sources: { gather: async () => ({ facts: {}, errors: [], target: { mode: 'offline' } }) } });
  return { controller, store };
}

const reportFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md')).sort();

function savedSession(store: SessionStore): SavedSession {
  const loaded = store.load();
  assert.equal(loaded.kind, 'saved');
  return (loaded as { session: SavedSession }).session;
}

/** First sitting: one answer, q before the end; the report is written and the session stays for --resume. */
async function quitMidSession(dir: string): Promise<string> {
  const { controller } = sitting(dir);
  await controller.load({ mode: 'offline' });
  controller.answer(false);
  const result = await controller.finish('normal');
  const written = result.messages.find((line) => line.startsWith('Report written to '))?.slice('Report written to '.length);
  assert.ok(written, `a report was written: ${result.messages.join(' / ')}`);
  return written;
}

test('quit, --resume, quit again: the second sitting rewrites the first sitting\'s report, one file in all', async () => {
  const dir = freshDir();
  const first = await quitMidSession(dir);
  const { controller, store } = sitting(dir, LATER);
  controller.resume(savedSession(store));
  controller.answer('Basic');
  const result = await controller.finish('normal');
  assert.deepEqual(result.messages.filter((line) => line.startsWith('Report')), [`Report written to ${first}`]);
  assert.deepEqual(reportFiles(dir), [first.slice(dir.length + 1)], 'one report file for the whole session');
  assert.match(readFileSync(first, 'utf8'), /Basic/, 'it holds what the second sitting answered');
});

test('the saved session names the report with the digest of what was written, updated on every save', async () => {
  const dir = freshDir();
  const first = await quitMidSession(dir);
  const saved = savedSession(sitting(dir).store);
  assert.deepEqual(saved.reports, [{ format: 'md', path: first, sha256: sha256Of(readFileSync(first)) }]);
});

test('a report the engineer edited after the first sitting is kept as edited; the resumed session writes a new file', async () => {
  const dir = freshDir();
  const first = await quitMidSession(dir);
  appendFileSync(first, '\nNotes from the call: the customer restarted the gateway at 10:40.\n');
  const edited = readFileSync(first, 'utf8');
  const { controller, store } = sitting(dir, LATER);
  controller.resume(savedSession(store));
  controller.answer('Basic');
  const result = await controller.finish('normal');
  const second = result.messages.find((line) => line.startsWith('Report written to '))!.slice('Report written to '.length);
  assert.notEqual(second, first);
  assert.equal(readFileSync(first, 'utf8'), edited, 'the engineer\'s notes are not overwritten');
  assert.equal(reportFiles(dir).length, 2);
});

test('--report on the resumed run names the file for that run: the earlier file is left as it is', async () => {
  const dir = freshDir();
  const first = await quitMidSession(dir);
  const before = readFileSync(first, 'utf8');
  const { controller, store } = sitting(dir, LATER, join(dir, 'case-1234.md'));
  controller.resume(savedSession(store));
  controller.answer('Basic');
  await controller.finish('normal');
  assert.equal(readFileSync(first, 'utf8'), before);
  assert.match(readFileSync(join(dir, 'case-1234.md'), 'utf8'), /Basic/);
});

test('a session file aimed at another file never gets it rewritten: not a report, a symbolic link, a relative path, another extension', async () => {
  const dir = freshDir();
  const notes = join(dir, 'notes.md');
  writeFileSync(notes, 'my notes\n');
  const config = join(dir, 'settings.json');
  writeFileSync(config, '{"keep": true}\n');
  const link = join(dir, 'link.md');
  symlinkSync(notes, link);
  const knownBytes = (path: string) => sha256Of(readFileSync(path));
  // The author of the session file knows each file's bytes: the digest alone would match.
  const cases = [
    { format: 'md', path: notes, sha256: knownBytes(notes) },
    { format: 'json', path: config, sha256: knownBytes(config) },
    { format: 'md', path: link, sha256: knownBytes(notes) },
    { format: 'md', path: 'notes.md', sha256: knownBytes(notes) },
    { format: 'md', path: config, sha256: knownBytes(config) },
  ] as const;
  for (const earlier of cases) assert.equal(await mayRewriteReport(earlier), false, `${earlier.path} as ${earlier.format}`);

  // And through a resumed session: the hostile entry is ignored, a new report is written, the notes stay.
  const first = await quitMidSession(dir);
  const { controller, store } = sitting(dir, LATER);
  const saved = savedSession(store);
  controller.resume({ ...saved, reports: [{ format: 'md', path: notes, sha256: knownBytes(notes) }] });
  controller.answer('Basic');
  const result = await controller.finish('normal');
  assert.equal(readFileSync(notes, 'utf8'), 'my notes\n');
  const written = result.messages.find((line) => line.startsWith('Report written to '))!;
  assert.doesNotMatch(written, /notes\.md/);
  assert.notEqual(written, `Report written to ${first}`, 'the file named in the session file was the hostile one, not the first report');
});

test('a session file whose report entry is malformed is moved aside with the reason', () => {
  const dir = freshDir();
  const { store } = sitting(dir);
  store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [] });
  const file = join(dir, 'state', 'session.json');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...saved, reports: [{ format: 'md', path: '/tmp/x.md', sha256: 'not-a-digest' }] }));
  const loaded = store.load();
  assert.equal(loaded.kind, 'corrupt');
  assert.match((loaded as { reason: string }).reason, /sha256 is not a SHA-256 digest/);
});

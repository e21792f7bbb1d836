/** The session controller without Ink: facts, follow-up reads, saving, reports on quit and the exit code. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionController } from '../../src/session/controller.ts';
import type { FactSources, LoadedFacts } from '../../src/facts/sources-interface.ts';
import { createReportExporter } from '../../src/session/report-export.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import { factSources } from '../../src/session/fact-sources.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { writeReport } from '../../src/report/write-report.ts';
import type { Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-controller-'));
after(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(work, `d${(dirs += 1)}`);
const NOW = () => new Date('2026-11-25T10:00:00Z');

function demoFacts(facts: Facts = {}): LoadedFacts {
  return { facts, errors: [], target: { mode: 'demo', scenario: 'healthy', appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a' } };
}

function setUp(options: { sources?: Partial<FactSources>; store?: SessionStore; facts?: Facts } = {}) {
  const dir = freshDir();
  const store = options.store ?? new SessionStore(join(dir, 'state'));
  const reports = createReportExporter({ version: 'test', now: NOW, cwd: dir, build: buildReport, write: writeReport });
  const controller = new SessionController({
    flowSet, derivations: {}, store, reports,
    sources: { gather: async () => demoFacts(options.facts), ...options.sources },
  });
  const reportFiles = () => { try { return readdirSync(dir).filter((name) => name.startsWith('vnet-doctor-report-')).sort(); } catch { return []; } };
  return { controller, store, dir, reportFiles };
}

test('loading a target saves nothing: an interrupted session on disk stays until the first answer', async () => {
  const dir = freshDir();
  const store = new SessionStore(join(dir, 'state'));
  store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [{ type: 'answer', question: 'eligible/ask-linux', value: false }] });
  const before = store.load();
  const { controller } = setUp({ store });
  await controller.load({ mode: 'demo', scenario: 'healthy' });
  const result = await controller.finish('normal');
  assert.deepEqual(store.load(), before, 'the offline session is still there to resume');
  assert.deepEqual(result.messages, [], 'no report and no resume hint for a session with no answer');

  const { controller: second } = setUp({ store });
  await second.load({ mode: 'demo', scenario: 'healthy' });
  second.answer(true);
  const saved = store.load();
  assert.equal(saved.kind === 'saved' && saved.session.target.mode, 'demo', 'the first answer replaces it');
});

test('quitting with no answers writes no report', async () => {
  const { controller, reportFiles } = setUp();
  await controller.load({ mode: 'offline' });
  const result = await controller.finish('normal');
  assert.deepEqual(reportFiles(), []);
  assert.equal(result.exitCode, 0);
});

test('one report file per session: every save rewrites it, quitting too; another session\'s report is never replaced; an unchanged session is not saved twice', async () => {
  const { controller, reportFiles, dir } = setUp();
  await controller.load({ mode: 'offline' });
  controller.answer(false);
  const first = await controller.saveReport();
  assert.equal(first.unchanged, false);
  const { readFileSync } = await import('node:fs');
  const firstText = readFileSync(first.path, 'utf8');
  assert.equal((await controller.saveReport()).unchanged, true, 'nothing changed: nothing written');
  controller.answer('Basic');
  const second = await controller.saveReport();
  assert.equal(second.path, first.path, 'the same file, rewritten');
  assert.notEqual(readFileSync(first.path, 'utf8'), firstText, 'it holds the new answer');
  assert.equal(reportFiles().length, 1);
  controller.answer({ host: 'db.contoso.local', port: 1433 });
  const quit = await controller.finish('normal');
  assert.equal(reportFiles().length, 1, 'quitting rewrites the same file');
  assert.deepEqual(quit.messages.filter((line) => line.startsWith('Report')), [`Report written to ${first.path}`]);
  assert.ok(first.path.startsWith(dir));


  // A second session in the same directory, in the same second: its own file, and neither replaces the other's.
  const reports = createReportExporter({ version: 'test', now: NOW, cwd: dir, build: buildReport, write: writeReport });
  const second2 = new SessionController({ flowSet, derivations: {}, store: new SessionStore(join(freshDir(), 'state')), reports, sources: { gather: async () => demoFacts() } });
  await second2.load({ mode: 'offline' });
  second2.answer(true);
  const theirs = await second2.saveReport();
  assert.notEqual(theirs.path, first.path, 'the first session\'s report is not replaced');
  const ours = readFileSync(first.path, 'utf8');
  second2.answer('Basic');
  assert.equal((await second2.saveReport()).path, theirs.path, 'the second session rewrites its own file');
  assert.equal(readFileSync(first.path, 'utf8'), ours, 'and leaves the first session\'s as it was');
  assert.equal(reportFiles().length, 2);
});

test('a report can be saved as JSON when asked', async () => {
  const { controller } = setUp();
  await controller.load({ mode: 'offline' });
  controller.answer(true);
  const saved = await controller.saveReport('json');
  assert.match(saved.path, /\.json$/);
});

test('exit codes: q and the end of the flows follow the findings, Ctrl-C mid-session is 130, Ctrl-C on the findings follows the findings', async () => {
  const quitClean = setUp();
  await quitClean.controller.load({ mode: 'offline' });
  quitClean.controller.answer(false);
  assert.equal((await quitClean.controller.finish('normal')).exitCode, 0, 'q mid-session without an error finding');

  const interrupted = setUp();
  await interrupted.controller.load({ mode: 'offline' });
  interrupted.controller.answer(false);
  const stopped = await interrupted.controller.finish('interrupted');
  assert.equal(stopped.exitCode, 130);
  assert.ok(stopped.messages.some((line) => /--resume/.test(line)), 'the resume hint is given');

  const findings = setUp();
  await findings.controller.load({ mode: 'offline' });
  findings.controller.answer(true); // Linux: an error finding that ends the session
  assert.equal(findings.controller.session?.state.status, 'done');
  assert.equal((await findings.controller.finish('interrupted')).exitCode, 1, 'Ctrl-C on the findings screen');
  assert.equal(findings.store.load().kind, 'none', 'a finished session with its report on disk is forgotten');
});

test('a target address inside the VNet reads the NSG and replays the answers with its facts, tagged with the target they follow', async () => {
  const reads: string[] = [];
  const { controller, store } = setUp({
    facts: { 'vnet.addressSpace': { value: ['10.1.0.0/16'], source: 'arm' } },
    sources: {
      readNsg: async (_target, _facts, nsg) => {
        reads.push(`${nsg.ip}:${nsg.port}`);
        return { facts: { 'nsg.name': { value: 'nsg-db', source: 'arm' } }, errors: [] };
      },
    },
  });
  await controller.load({ mode: 'demo', scenario: 'healthy' });
  controller.answer(false);
  controller.answer('Basic');
  controller.answer({ host: '10.1.2.4', port: 1433 });
  await controller.settled();
  assert.equal(controller.session?.state.facts['nsg.name']?.value, 'nsg-db');
  assert.equal(controller.session?.state.facts['nsg.name']?.follows, 'target 10.1.2.4:1433');
  controller.answer(['172.16.0.0/24']);
  await controller.settled();
  assert.deepEqual(reads, ['10.1.2.4:1433'], 'another answer that leaves the target as it is reads nothing again');
  assert.equal(controller.session?.state.inputs.length, 4, 'the answers survive the replay');
  const saved = store.load();
  assert.equal(saved.kind === 'saved' && saved.session.facts['nsg.name']?.value, 'nsg-db');
});

test('offline sessions make no follow-up reads: the real sources have nothing to read for them', async () => {
  const sources = factSources({});
  const found = await sources.readNsg!({ mode: 'offline' }, { 'vnet.addressSpace': { value: ['10.1.0.0/16'], source: 'answer' } }, { ip: '10.1.2.4', port: 1433 }, {});
  assert.deepEqual(found, { facts: {}, errors: [] });
});

test('a save that fails after an earlier one succeeded is shown, and stopping never claims the answers are saved', async () => {
  const dir = freshDir();
  const store = new SessionStore(join(dir, 'state'));
  const { controller } = setUp({ store });
  await controller.load({ mode: 'offline' });
  controller.answer(false);
  assert.equal(controller.saveError, undefined);
  // The disk fills up (or the directory turns read-only) between two answers.
  store.save = () => { throw new Error('no space left on the disk'); };
  controller.answer('Basic');
  assert.match(controller.saveError ?? '', /no space left on the disk/);
  const stopped = controller.stopNow('interrupted');
  assert.equal(stopped.messages.some((line) => line.includes('Your answers are saved')), false, stopped.messages.join('\n'));
  assert.match(stopped.messages.join('\n'), /could not be saved \(.*no space left on the disk\)[\s\S]*--resume continues from the last answer that was saved/);
});

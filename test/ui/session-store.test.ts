import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/engine.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { KEPT_CORRUPT_COPIES, SessionSaveError, SessionStore } from '../../src/session/session-store.ts';
import { claimSession } from '../../src/session/claim-session.ts';
import { wizardCommand } from '../../src/cli/wizard-command.ts';
import { describeDropped, describeSaved, droppedOnResume, resumeSession } from '../../src/session/resume.ts';
import { stateDir } from '../../src/session/state-dir.ts';
import { defaultReportName, createReportExporter } from '../../src/session/report-export.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const engine = createEngine(flowSet, DERIVATIONS);
const { start, answer, currentQuestion } = engine;
const fixedNow = () => new Date('2026-11-25T13:05:09Z');
const tempStore = () => new SessionStore(join(mkdtempSync(join(tmpdir(), 'vnet-doctor-store-')), 'state'), fixedNow);

test('a saved session resumes at the same question with the same answers and facts', () => {
  const facts = { 'app.isLinux': { value: false, source: 'arm' as const, detail: 'site app1' } };
  let state = start(facts);
  state = answer(state, 'Standard');
  state = answer(state, { host: 'db.contoso.local', port: 1433 });
  const store = tempStore();
  store.save({ target: { mode: 'demo', scenario: 'healthy' }, facts: state.facts, presetAnswers: {}, inputs: state.inputs });
  const loaded = store.load();
  assert.equal(loaded.kind, 'saved');
  if (loaded.kind !== 'saved') return;
  const resumed = resumeSession(engine, loaded.session);
  assert.equal(currentQuestion(resumed)?.id, currentQuestion(state)?.id);
  assert.deepEqual(resumed.path, state.path, 'the same path, auto answers and provenance included');
  assert.equal(describeSaved(loaded.session), '2 answers, demo healthy, saved 2026-11-25 13:05 UTC');
});

test('saving replaces the file atomically and leaves no temporary file behind', () => {
  const store = tempStore();
  store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [] });
  store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [{ type: 'answer', question: 'eligible/ask-linux', value: false }] });
  assert.deepEqual(readdirSync(store.dir), ['session.json']);
  assert.equal(JSON.parse(readFileSync(store.file, 'utf8')).inputs.length, 1);
});

test('a corrupt or foreign session file is moved aside with the reason, never deleted', () => {
  for (const [text, reason] of [
    ['{"format": 1, "inputs": [tru', /JSON/],
    ['{"format": 7, "target": {}, "facts": {}, "presetAnswers": {}, "inputs": []}', /unknown session format 7/],
    ['{"format": 1, "savedAt": "2026-11-25T13:05:09.000Z", "target": {"mode": "offline"}, "facts": {}, "presetAnswers": {}, "inputs": [{"type": "answer"}]}', /session\.inputs\[0\]\.question is not a text/],
  ] as const) {
    const store = tempStore();
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(store.file, text);
    const loaded = store.load();
    assert.equal(loaded.kind, 'corrupt');
    if (loaded.kind !== 'corrupt') continue;
    assert.match(loaded.reason, reason);
    assert.equal(loaded.movedTo, `${store.file}.corrupt-2026-11-25T13-05-09-000Z`);
    assert.equal(readFileSync(loaded.movedTo, 'utf8'), text);
    assert.equal(store.load().kind, 'none', 'the next start begins cleanly');
  }
});

test('clear forgets a finished session', () => {
  const store = tempStore();
  store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [] });
  store.clear();
  assert.equal(store.load().kind, 'none');
});

test('the state directory follows VNET_DOCTOR_STATE_DIR, XDG_STATE_HOME, ~/.local/state and LOCALAPPDATA', () => {
  assert.equal(stateDir({ VNET_DOCTOR_STATE_DIR: '/x', XDG_STATE_HOME: '/y' }, 'linux', '/home/u'), '/x');
  assert.equal(stateDir({ XDG_STATE_HOME: '/y' }, 'linux', '/home/u'), '/y/vnet-doctor');
  assert.equal(stateDir({}, 'linux', '/home/u'), '/home/u/.local/state/vnet-doctor');
  assert.equal(stateDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u').replace(/\\/g, '/'), 'C:/Users/u/AppData/Local/vnet-doctor');
});

test('the default report name carries the local date and time', () => {
  const at = new Date(2026, 10, 25, 9, 4, 5);
  assert.equal(defaultReportName(at), 'vnet-doctor-report-20261125-090405.md');
});

test('the exporter never forces over a file, and saving again without a change writes nothing', async () => {
  const calls: { path: string; force?: boolean }[] = [];
  const exporter = createReportExporter({
    version: 't', cwd: '/reports', now: () => new Date(2026, 10, 25, 9, 4, 5),
    build: () => ({}) as never,
    write: async (path, _report, options) => { calls.push({ path, force: options.force }); return { path }; },
  });
  const request = { engine, state: start(), target: { mode: 'offline' as const }, errors: [], interrupted: true };
  const path = join('/reports', 'vnet-doctor-report-20261125-090405.md');
  assert.deepEqual(await exporter(request), { path, unchanged: false });
  assert.deepEqual(await exporter(request), { path, unchanged: true });
  assert.deepEqual(calls, [{ path, force: false }]);
});

// ---------------------------------------------------------------- failures, locks, schema (issue 11, items 13-16)

const CHILD = fileURLToPath(new URL('../input/session-child.ts', import.meta.url));
const oneAnswer = { target: { mode: 'offline' as const }, facts: {}, presetAnswers: {}, inputs: [{ type: 'answer' as const, question: 'eligible/ask-linux', value: false }] };

test('a session that cannot be saved (no state directory possible) fails loudly with the reason', () => {
  // Nothing can be created under /proc, whoever runs the test (root included).
  const store = new SessionStore('/proc/vnet-doctor-state', fixedNow);
  assert.throws(() => store.save(oneAnswer), (error: unknown) => error instanceof SessionSaveError
    && error.file === '/proc/vnet-doctor-state/session.json' && error.message === 'the state directory cannot be created');
  const result = store.trySave(oneAnswer);
  assert.equal(result.ok, false);
  assert.equal(store.load().kind, 'none', 'no session claims to be there');
});

test('on a full disk the save fails with the reason and leaves no temporary file behind', () => {
  // A file size limit of 0 makes every write fail (EFBIG) just as a full disk does (ENOSPC).
  const dir = join(mkdtempSync(join(tmpdir(), 'vnet-doctor-full-')), 'state');
  mkdirSync(dir);
  const child = spawnSync('sh', ['-c', 'ulimit -f 0 && exec "$0" "$@"', process.execPath, '--import', 'tsx', CHILD, 'save', dir], { encoding: 'utf8' });
  const result = JSON.parse(child.stdout) as { threw: boolean; message?: string };
  assert.equal(result.threw, true, 'the failure reaches the caller');
  assert.equal(result.message, 'the file system refused a file of this size');
  assert.deepEqual(readdirSync(dir), [], 'no 0-byte temporary file stays behind');
});

test('a second wizard finds the session held by the first, is told who holds it, and gets a separate session', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'vnet-doctor-lock-')), 'state');
  const first = spawn(process.execPath, ['--import', 'tsx', CHILD, 'hold', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(first.stdout!, 'data') as [Buffer];
  assert.equal(line.toString(), 'held\n');
  try {
    const second = new SessionStore(dir, fixedNow);
    const claim = second.acquire();
    assert.equal(claim.ok, false);
    if (claim.ok) return;
    assert.equal(claim.heldBy.pid, first.pid);

    // The wizard itself: --resume of the session the other wizard holds is refused, naming that process.
    const lines: string[] = [];
    const out = { print: (text: string) => lines.push(text), error: (text: string) => lines.push(text) };
    const flows = fileURLToPath(new URL('fixtures/flows', import.meta.url));
    assert.equal(await wizardCommand({ resume: true, flows }, out, { isTTY: true, env: { VNET_DOCTOR_STATE_DIR: dir } }), 2);
    assert.match(lines.join('\n'), new RegExp(`the saved session is in use by another vnet-doctor wizard \\(process ${first.pid}, started `));

    const resuming = claimSession(new SessionStore(dir, fixedNow), true);
    assert.equal(resuming.ok, false);
    if (!resuming.ok) assert.match(resuming.message, new RegExp(`in use by another vnet-doctor wizard \\(process ${first.pid}, started `));

    const separate = claimSession(new SessionStore(dir, fixedNow), false);
    assert.equal(separate.ok, true);
    if (!separate.ok) return;
    assert.equal(separate.store.file, join(dir, 'session-2.json'));
    assert.match(separate.notice!, /Another vnet-doctor wizard is running \(process \d+, started .*\); this session is saved separately as .*session-2\.json/);
    second.save(oneAnswer); // what the held session's owner writes
    separate.store.save({ ...oneAnswer, inputs: [] });
    const kept = second.load();
    assert.equal(kept.kind === 'saved' ? kept.session.inputs.length : -1, 1, 'the first wizard\'s answers are untouched');
  } finally {
    first.stdin!.end();
    await once(first, 'exit');
  }
  const after = new SessionStore(dir, fixedNow);
  assert.deepEqual(after.acquire(), { ok: true }, 'free again once the first wizard has ended');
  after.release();
});

test('a lock left by a process that died is stale and taken over', () => {
  const store = tempStore();
  mkdirSync(store.dir, { recursive: true });
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(`${store.file}.lock`, JSON.stringify({ pid: dead, startedAt: new Date().toISOString(), host: hostname() }));
  assert.deepEqual(store.acquire(), { ok: true });
  assert.equal(JSON.parse(readFileSync(`${store.file}.lock`, 'utf8')).pid, process.pid);
  store.release();
  assert.deepEqual(readdirSync(store.dir), [], 'released: no lock file left');
});

test('a session file with wrong types anywhere is moved aside with the reason, never used', () => {
  const valid = { format: 1, savedAt: '2026-11-25T13:05:09.000Z', target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [] };
  for (const [change, reason] of [
    [{ savedAt: 5 }, 'session.savedAt is not a date and time'],
    [{ facts: { 'target.host': { value: { toString: 1 }, source: 'answer' } } }, 'session.facts.target.host.value is not a number'],
    [{ facts: { 'target.host': { value: 'db', source: 'evil' } } }, 'session.facts.target.host.source is not one of arm, answer, derived, probe'],
    [{ target: { mode: 'offline', appName: ['x'] } }, 'session.target.appName is not a text'],
    [{ presetAnswers: { 'triage/ask-target': { host: 'db', port: '1433' } } }, 'session.presetAnswers.triage/ask-target.port is not a number'],
    [{ inputs: [{ type: 'answer', question: 'eligible/ask-linux', value: { toString: 1 } }] }, 'session.inputs[0].value.host is not a text'],
    [{ errors: [{ facts: 'vnet', reason: 'x' }] }, 'session.errors[0].facts is not a list'],
  ] as const) {
    const store = tempStore();
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(store.file, JSON.stringify({ ...valid, ...change }));
    const loaded = store.load();
    assert.equal(loaded.kind, 'corrupt', JSON.stringify(change));
    if (loaded.kind !== 'corrupt') continue;
    assert.equal(loaded.reason, reason);
    assert.equal(store.load().kind, 'none', 'moved aside: the next start begins cleanly');
  }
  const store = tempStore();
  mkdirSync(store.dir, { recursive: true });
  writeFileSync(store.file, JSON.stringify(valid));
  assert.equal(store.load().kind, 'saved', 'the valid file itself loads');
});

test('a session file that is not a regular file is moved aside, not read', () => {
  const store = tempStore();
  mkdirSync(store.file, { recursive: true });
  const loaded = store.load();
  assert.equal(loaded.kind, 'corrupt');
  if (loaded.kind === 'corrupt') assert.match(loaded.reason, /it is a directory/);
});

test('only the newest moved-aside copies are kept', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'vnet-doctor-store-')), 'state');
  mkdirSync(dir);
  for (let i = 0; i < 6; i += 1) {
    const store = new SessionStore(dir, () => new Date(Date.UTC(2026, 10, 25, 13, 0, i)));
    writeFileSync(store.file, `not json ${i}`);
    assert.equal(store.load().kind, 'corrupt');
  }
  const copies = readdirSync(dir).sort();
  assert.equal(copies.length, KEPT_CORRUPT_COPIES);
  assert.deepEqual(copies.map((name) => readFileSync(join(dir, name), 'utf8')), ['not json 3', 'not json 4', 'not json 5']);
});

test('answers to questions that no longer exist are counted and explained on resume', () => {
  let state = start();
  state = answer(state, false);
  state = answer(state, 'Standard');
  const saved = {
    format: 1 as const, savedAt: '2026-11-25T13:05:09.000Z', target: { mode: 'offline' as const }, facts: {}, presetAnswers: {},
    inputs: [...state.inputs, { type: 'answer' as const, question: 'eligible/ask-removed', value: true }, { type: 'answer' as const, question: 'triage/ask-pool', value: ['10.0.0.0/24'] }],
  };
  const resumed = resumeSession(engine, saved);
  const dropped = droppedOnResume(flowSet, saved, resumed);
  assert.deepEqual(dropped, { count: 2, question: 'eligible/ask-removed', reason: 'question eligible/ask-removed no longer exists in the flows' });
  assert.equal(describeDropped(dropped!), '2 saved answers were dropped: question eligible/ask-removed no longer exists in the flows (the flows changed since the session was saved).');
  assert.match(describeDropped({ ...dropped!, count: 1 }, 'if-resumed'), /^1 saved answer would be dropped: question eligible\/ask-removed no longer exists/);
  assert.equal(droppedOnResume(flowSet, { ...saved, inputs: state.inputs }, resumeSession(engine, { ...saved, inputs: state.inputs })), undefined, 'nothing dropped, nothing said');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, currentQuestion, start } from '../../src/engine/engine.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import { describeSaved, resumeSession } from '../../src/session/resume.ts';
import { stateDir } from '../../src/session/state-dir.ts';
import { defaultReportName, createReportExporter } from '../../src/session/report-export.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const fixedNow = () => new Date('2026-11-25T13:05:09Z');
const tempStore = () => new SessionStore(join(mkdtempSync(join(tmpdir(), 'vnet-doctor-store-')), 'state'), fixedNow);

test('a saved session resumes at the same question with the same answers and facts', () => {
  const facts = { 'app.isLinux': { value: false, source: 'arm' as const, detail: 'site app1' } };
  let state = start(flowSet, facts, {}, { derivations: DERIVATIONS });
  state = answer(state, 'Standard');
  state = answer(state, { host: 'db.contoso.local', port: 1433 });
  const store = tempStore();
  store.save({ target: { mode: 'demo', scenario: 'healthy' }, facts: state.facts, presetAnswers: {}, inputs: state.inputs });
  const loaded = store.load();
  assert.equal(loaded.kind, 'saved');
  if (loaded.kind !== 'saved') return;
  const resumed = resumeSession(flowSet, loaded.session, DERIVATIONS);
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
    ['{"format": 1, "target": {"mode": "offline"}, "facts": {}, "presetAnswers": {}, "inputs": [{"type": "answer"}]}', /answer 1 is malformed/],
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

test('the exporter forces only over its own file', async () => {
  const calls: { path: string; force?: boolean }[] = [];
  const exporter = createReportExporter({
    version: 't', cwd: '/reports', now: () => new Date(2026, 10, 25, 9, 4, 5),
    build: () => ({}) as never,
    write: async (path, _report, options) => { calls.push({ path, force: options.force }); return { path }; },
  });
  const request = { state: start(flowSet), target: { mode: 'offline' as const }, errors: [], interrupted: true };
  assert.equal(await exporter(request), join('/reports', 'vnet-doctor-report-20261125-090405.md'));
  await exporter(request);
  assert.deepEqual(calls.map((call) => call.force), [false, true]);
});

/**
 * A pasted error text is read where it comes in (issue 23 item 5): the `error-text` answer of
 * triage's "Paste the error message" records what the text says as plain facts beside it
 * (error.message, error.tcpping, error.nameresolver, provenance answer), whether it is typed in the
 * wizard, given by `check --error` or stated in an answers file, and the fact catalogue derives the
 * cause (error.kind) from those with `cases`. No TypeScript derivation is left for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readErrorText } from '../../src/engine/error-text.ts';
import { parseAnswers } from '../../src/answers/answers-file.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import type { Facts } from '../../src/engine/types.ts';
import { engine, flowSet } from '../flows/shipped.ts';

const SOCKET = 'System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions. [::ffff:10.50.1.4]:1433';
const LOOKUP = 'Non-recoverable error during a database lookup';
const LOOKUP_OCCURRED = 'A non-recoverable error occurred during a database lookup.';
const CMAK = 'Failed to add VNet integration: Legacy Cmak generation is not supported for gateway with IKEv2 enabled';
const TCP_TIMEOUT = 'tcpping sql01:1433\nConnection attempt failed: Connection timed out.\nComplete: 0/4 successful';
const TCP_REFUSED = 'Connection attempt failed: No connection could be made because the target machine actively refused it.\nComplete: 0/4 successful';
const TCP_UNREACHABLE = 'tcpping 10.50.1.4:1433\nConnection attempt failed: A socket operation was attempted to an unreachable network.\nComplete: 0/4 successful';
const TCP_NO_NAME = 'tcpping sql01.contoso.local:1433\nConnection attempt failed: No such host is known.\nComplete: 0/4 successful';
const TCP_CONNECTS = 'tcpping sql01:1433\nConnected to sql01:1433, time taken: 12ms\nComplete: 4/4 successful';
const DNS_NOT_FOUND = 'Server: 10.20.0.4\n*** 10.20.0.4 can\'t find db.contoso.local: Non-existent domain';
const DNS_TIMEOUT = 'nameresolver db.contoso.local 10.20.0.4\nServer: 10.20.0.4\nDNS request timed out.';
const DNS_RESOLVES = 'nameresolver db.contoso.local\nServer: 10.20.0.4\nName: db.contoso.local\nAddresses: 10.50.1.4';

/** Each text: what the answer records beside it, and the cause the catalogue derives. */
const CASES: readonly [string, string, Record<string, string>, string | undefined][] = [
  ['the forbidden socket (WSAEACCES)', SOCKET, { 'error.message': 'socket-forbidden' }, 'socket-forbidden'],
  ['the database lookup error (WSANO_RECOVERY)', LOOKUP, { 'error.message': 'database-lookup' }, 'database-lookup'],
  ['the database lookup error, "occurred" wording', LOOKUP_OCCURRED, { 'error.message': 'database-lookup' }, 'database-lookup'],
  ['the legacy CMAK error (IKEv2 on the gateway)', CMAK, { 'error.message': 'legacy-cmak' }, 'legacy-cmak'],
  ['the lookup error inside a nameresolver transcript: the message says most', `nameresolver db.contoso.local\nServer: 10.20.0.4\n${LOOKUP}`,
    { 'error.message': 'database-lookup', 'error.nameresolver': 'lookup-failed' }, 'database-lookup'],
  ['a tcpping that times out', TCP_TIMEOUT, { 'error.tcpping': 'timeout' }, 'tcp-timeout'],
  ['a tcpping that is refused', TCP_REFUSED, { 'error.tcpping': 'refused' }, 'tcp-refused'],
  ['a tcpping with no route', TCP_UNREACHABLE, { 'error.tcpping': 'unreachable' }, 'tcp-unreachable'],
  ['a tcpping whose host name does not resolve', TCP_NO_NAME, { 'error.tcpping': 'no-name' }, 'name-not-found'],
  ['a tcpping that connects: no error to explain', TCP_CONNECTS, { 'error.tcpping': 'connects' }, undefined],
  ['a nameresolver that finds no such name', DNS_NOT_FOUND, { 'error.nameresolver': 'not-found' }, 'name-not-found'],
  ['a nameresolver that times out', DNS_TIMEOUT, { 'error.nameresolver': 'timeout' }, 'dns-timeout'],
  ['a nameresolver that resolves: no error to explain', DNS_RESOLVES, { 'error.nameresolver': 'resolves' }, undefined],
  ['a text none of these', 'The page cannot be displayed', {}, undefined],
];

const FIELDS = ['error.message', 'error.tcpping', 'error.nameresolver'];
const START: Facts = { 'triage.symptom': { value: 'error', source: 'answer', detail: 'test' } };

/** Triage up to "Paste the error message", which the engineer answers with `text`. */
function typed(text: string) {
  const asked = engine.start(START);
  assert.equal(engine.currentQuestion(asked)?.id, 'triage/ask-error');
  return engine.answer(asked, text);
}

const recorded = (state: ReturnType<typeof typed>) => Object.fromEntries(FIELDS.flatMap((key) => {
  const fact = engine.resolveFact(state, key);
  return fact ? [[key, fact.value]] : [];
}));

test('the reader of a pasted text: each documented message and tool transcript, in the probe\'s words', () => {
  for (const [name, text, facts] of CASES) {
    const reading = readErrorText(text);
    assert.deepEqual(Object.fromEntries(Object.entries(reading).map(([field, value]) => [`error.${field}`, value])), facts, name);
  }
});

test('a typed answer records the text and what it says (provenance: answer), and the catalogue derives the cause', () => {
  for (const [name, text, facts, kind] of CASES) {
    const state = typed(text);
    assert.deepEqual(engine.resolveFact(state, 'error.text'), { value: text, source: 'answer', detail: 'answer to triage/ask-error' }, name);
    assert.deepEqual(recorded(state), facts, name);
    for (const key of Object.keys(facts)) assert.equal(engine.resolveFact(state, key)?.source, 'answer', `${name}: ${key}`);
    const derived = engine.resolveFact(state, 'error.kind');
    assert.deepEqual(derived, kind === undefined ? undefined : { value: kind, source: 'derived' }, name);
  }
});

test('a text given as a fact (check --error) is read the same when it answers the question', () => {
  for (const [name, text, facts, kind] of CASES) {
    const state = engine.start({ ...START, 'error.text': { value: text, source: 'answer', detail: '--error' } });
    const asked = state.path.find((entry) => entry.question === 'triage/ask-error');
    assert.deepEqual(asked?.auto, { fact: 'error.text', source: 'answer', detail: '--error' }, name);
    assert.deepEqual(engine.resolveFact(state, 'error.text'), { value: text, source: 'answer', detail: '--error' }, name);
    assert.deepEqual(recorded(state), facts, name);
    assert.equal(engine.resolveFact(state, 'error.kind')?.value, kind, name);
  }
});

test('an answers file that answers "Paste the error message" states the text and what it says', () => {
  const { answers, diagnostics } = parseAnswers('a.yaml', `answers:\n  triage/ask-symptom: error\n  triage/ask-error: "${TCP_TIMEOUT.replaceAll('\n', '\\n')}"\n`, flowSet);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(answers!.facts['error.text'], { value: TCP_TIMEOUT, source: 'answer', detail: 'answers file line 3' });
  assert.deepEqual(answers!.facts['error.tcpping'], { value: 'timeout', source: 'answer', detail: 'answers file line 3' });
  const state = engine.start(answers!.facts, answers!.answers);
  assert.equal(engine.resolveFact(state, 'error.kind')?.value, 'tcp-timeout');
});

test('going back from the answer forgets what the text said', () => {
  const state = typed(SOCKET);
  assert.equal(engine.resolveFact(state, 'error.kind')?.value, 'socket-forbidden');
  const back = engine.back(state);
  assert.equal(engine.currentQuestion(back)?.id, 'triage/ask-error');
  assert.deepEqual([engine.resolveFact(back, 'error.message'), engine.resolveFact(back, 'error.kind')], [undefined, undefined]);
});

test('error.kind is derived in the fact catalogue only, from the facts the answer records', () => {
  assert.equal(Object.hasOwn(DERIVATIONS, 'error.kind'), false);
  const entry = flowSet.facts['error.kind']!;
  assert.ok(entry.cases, 'a cases form');
  for (const key of FIELDS) assert.equal(flowSet.facts[key]?.source, 'answer', key);
});

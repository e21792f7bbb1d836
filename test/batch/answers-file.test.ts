import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseAnswers, readAnswersFile, AnswersFileError } from '../../src/answers/answers-file.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/answers/${name}`, import.meta.url));
const problems = (text: string) => parseAnswers('a.yaml', text, flows).diagnostics.map((d) => `${d.line}: ${d.message}`);

test('answers become preset answers and facts carry the answers-file line they came from', () => {
  const { answers, diagnostics } = parseAnswers('a.yaml', [
    'answers:',
    '  eligible/ask-tier: Basic',
    '  triage/ask-target: db.contoso.local:1433',
    'facts:',
    '  app.isLinux: no',
    '  p2s.addressPool: 10.1.0.0/24, 172.16.0.0/16',
  ].join('\n'), flows);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(answers!.answers, { 'eligible/ask-tier': 'Basic', 'triage/ask-target': { host: 'db.contoso.local', port: 1433 } });
  assert.deepEqual(answers!.facts['app.isLinux'], { value: false, source: 'answer', detail: 'answers file line 5' });
  assert.deepEqual(answers!.facts['p2s.addressPool']!.value, ['10.1.0.0/24', '172.16.0.0/16']);
  assert.deepEqual(answers!.answerDetails, { 'eligible/ask-tier': 'answers file line 2', 'triage/ask-target': 'answers file line 3' });
});

test('a question answered from the file shows the file line as its provenance', async () => {
  const { createEngine } = await import('../../src/engine/engine.ts');
  const { answers } = parseAnswers('a.yaml', 'answers:\n  eligible/ask-linux: no\n', flows);
  const state = createEngine(flows).start({}, answers!.answers, { presetAnswerDetails: answers!.answerDetails });
  assert.deepEqual(state.path[1]!.auto, { source: 'answer', detail: 'answers file line 2' });
});

test('an answer to a fact-backed question also states that fact, unless "facts:" gives it', () => {
  const { answers } = parseAnswers('a.yaml', 'answers:\n  triage/ask-target: db.contoso.local:1433\n  eligible/ask-tier: Basic\nfacts:\n  plan.tier: Standard\n', flows);
  assert.deepEqual(answers!.facts['target.host'], { value: 'db.contoso.local', source: 'answer', detail: 'answers file line 2' });
  assert.equal(answers!.facts['target.port']!.value, 1433);
  assert.deepEqual(answers!.facts['plan.tier'], { value: 'Standard', source: 'answer', detail: 'answers file line 5' });
});

test('JSON answers files are read the same way, null meaning "don\'t know"', () => {
  const { answers, diagnostics } = parseAnswers('a.json', '{"answers": {"eligible/ask-linux": null}, "facts": {"target.port": 443}}', flows);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(answers!.answers, { 'eligible/ask-linux': null });
  assert.equal(answers!.facts['target.port']!.value, 443);
});

test('values are validated exactly as at the prompt, each problem with its line and reason', () => {
  assert.deepEqual(problems([
    'answers:',
    '  eligible/ask-tier: Gold',
    '  triage/ask-target: db.contoso.local',
    'facts:',
    '  target.port: 0',
    '  p2s.addressPool: [10.1.0.1/24]',
    '  target.host: -bad-.example',
    '  app.isLinux: maybe',
  ].join('\n')), [
    '2: eligible/ask-tier: Gold is not one of: Free, Basic, Standard',
    '3: triage/ask-target: db.contoso.local needs a port: write host:port (or host,port), e.g. db.contoso.local:1433',
    '5: target.port (port): 0 is not a TCP port (expected a number from 1 to 65535)',
    '6: p2s.addressPool (cidr-list): 10.1.0.1/24 has host bits set; the range starts at 10.1.0.0/24',
    '7: target.host (hostname): -bad-.example is not a valid host name (label -bad-: use letters, digits and hyphens)',
    '8: app.isLinux (yes-no): maybe is not yes or no',
  ]);
});

test('nested or object values are refused as values, never converted to text', () => {
  assert.deepEqual(problems([
    'answers:',
    '  triage/ask-target: { host: { toString: 0 }, port: 1433 }',
    '  triage/ask-pool: [{ toString: 0 }]',
    'facts:',
    '  p2s.addressPool: [[10.0.0.0/8]]',
    '  target.host: { a: [1] }',
  ].join('\n')), [
    '2: triage/ask-target: expected a text, a number, yes/no, a list, or host and port (e.g. {host: db.contoso.local, port: 1433})',
    '3: triage/ask-pool: list entries must be texts or numbers',
    '5: p2s.addressPool (cidr-list): list entries must be texts or numbers',
    '6: target.host (hostname): expected a text, a number, yes/no, a list, or host and port (e.g. {host: db.contoso.local, port: 1433})',
  ]);
});

test('unknown question ids, fact keys and sections are refused by name', () => {
  assert.deepEqual(problems('answers:\n  triage/nope: yes\n  eligible: yes\nfacts:\n  target.hots: a\nextra: 1\n'), [
    '6: unknown section "extra" (an answers file has "answers:" and "facts:")',
    '2: unknown question id "triage/nope" (run "vnet-doctor flows questions" for the list)',
    '3: unknown question id "eligible" (run "vnet-doctor flows questions" for the list)',
    '5: unknown fact key "target.hots" (fact keys are listed in flows/catalog/facts.yaml and by "vnet-doctor flows questions")',
  ]);
});

test('a node that is not a question cannot be answered', () => {
  assert.match(problems('answers:\n  triage/check-pool: yes\n')[0]!, /unknown question id "triage\/check-pool"/);
});

test('shapes that are not mappings, and YAML syntax errors, are refused with a line', () => {
  assert.match(problems('- a\n- b\n')[0]!, /is a mapping with "answers:" and\/or "facts:"/);
  assert.match(problems('answers: [1, 2]\n')[0]!, /^1: "answers:" must be a mapping/);
  assert.match(problems('facts: 3\n')[0]!, /^1: "facts:" must be a mapping/);
  assert.match(problems('answers:\n  a: [\n')[0]!, /^\d+: YAML:/);
  assert.match(problems('facts:\n  target.port: 1\n  target.port: 2\n')[0]!, /YAML:.*unique/i);
});

test('an empty file means no answers', () => {
  assert.deepEqual(parseAnswers('a.yaml', '', flows).answers, { facts: {}, answers: {}, answerDetails: {} });
});

test('catalogue types the prompts do not have are checked too: dates and text lists', () => {
  const set = loadFlowDir();
  const check = (text: string) => parseAnswers('a.yaml', text, set).diagnostics.map((d) => d.message);
  assert.deepEqual(check('facts:\n  app.certExpiresOn: 2027-03-31\n  vnet.dnsServers: [10.0.0.4, 10.0.0.5]\n'), []);
  assert.match(check('facts:\n  app.certExpiresOn: 2027-02-30\n')[0]!, /not a date in the form YYYY-MM-DD/);
  assert.match(check('facts:\n  app.certExpiresOn: 31/03/2027\n')[0]!, /not a date/);
  assert.match(check('facts:\n  vnet.dnsServers: [10.0.0.4, ""]\n')[0]!, /empty entry/);
  assert.match(check('facts:\n  vnet.dnsServers: [[1]]\n')[0]!, /list entries must be texts/);
  assert.match(check('facts:\n  gateway.vpnType: Sideways\n')[0]!, /not one of: RouteBased, PolicyBased/);
  assert.match(check('facts:\n  gateway.exists: ~\n')[0]!, /a fact needs a value/);
});

test('the example answers files match the shipped flows and catalogue', () => {
  const set = loadFlowDir();
  for (const name of ['reach-vnet.yaml', 'dont-know.json']) {
    assert.doesNotThrow(() => readAnswersFile(fixture(name), set), name);
  }
});

test('the invalid example names every bad line of the file', () => {
  let caught: unknown;
  try { readAnswersFile(fixture('invalid-values.yaml'), loadFlowDir()); } catch (error) { caught = error; }
  assert.ok(caught instanceof AnswersFileError);
  assert.deepEqual(caught.diagnostics.map((d) => d.line), [4, 5, 7, 8, 9, 10]);
  assert.ok(caught.diagnostics.every((d) => d.file.endsWith('invalid-values.yaml')));
});

test('a missing file is an input error naming the file', () => {
  assert.throws(() => readAnswersFile('/nonexistent/answers.yaml', flows), (error: unknown) =>
    error instanceof AnswersFileError && error.diagnostics[0]!.message === 'cannot read the answers file: no such file' && error.diagnostics[0]!.file === '/nonexistent/answers.yaml');
});

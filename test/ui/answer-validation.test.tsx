/**
 * The wizard refuses what batch mode refuses: one validator per answer type. The shipped flows'
 * certificate date is a real date and the DNS server an IPv4 address, at the prompt and in an
 * answers file alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswerValue } from '../../src/engine/answer-types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { KEY, startWizard } from './harness.tsx';

const flowSet = loadFlowDir();

test('the certificate-date question refuses 2027-02-30 and banana, and takes a real date', async () => {
  const ui = startWizard({ flowSet, flow: 'certificate-sync' });
  await ui.waitFor((f) => f.includes('integration certificate expire'), 'the certificate-date question');
  ui.type('2027-02-30\r');
  await ui.waitFor((f) => f.includes('Not accepted: 2027-02-30 is not a date in the form YYYY-MM-DD'), 'the impossible date refused');
  ui.type(`${KEY.backspace.repeat(10)}banana\r`);
  await ui.waitFor((f) => f.includes('Not accepted: banana is not a date'), 'banana refused');
  const before = ui.store.load();
  assert.deepEqual(before.kind === 'saved' ? before.session.inputs : [], [], 'nothing was recorded');
  ui.type(`${KEY.backspace.repeat(6)}2027-03-31\r`);
  await ui.waitFor((f) => !f.includes('integration certificate expire'), 'the next screen after a real date');
  const saved = ui.store.load();
  assert.deepEqual(saved.kind === 'saved' && saved.session.inputs, [{ type: 'answer', question: 'certificate-sync/ask-cert-expiry', value: '2027-03-31' }]);
  ui.unmount();
});

test('the DNS-server question asks for addresses: 300.1.2.3 never reaches a command, and every server given is kept in order', async () => {
  const presetAnswers = { 'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-server-count': 2 };
  const ui = startWizard({ flowSet, flow: 'dns', presetAnswers });
  await ui.waitFor((f) => f.includes("What are the IP addresses of the VNet's custom DNS servers"), 'the DNS-server question');
  ui.type('10.1.0.4, 300.1.2.3\r');
  await ui.waitFor((f) => f.includes('Not accepted: 300.1.2.3 is not an IPv4 address'), 'the bad address refused');
  ui.type(`${KEY.backspace.repeat(9)}10.1.0.5\r`);
  await ui.waitFor((f) => !f.includes("What are the IP addresses of the VNet's custom DNS servers"), 'the next question');
  const saved = ui.store.load();
  assert.deepEqual(saved.kind === 'saved' && saved.session.inputs.at(-1), { type: 'answer', question: 'dns/ask-server', value: ['10.1.0.4', '10.1.0.5'] });
  ui.unmount();
});

test('prompts, answers files and the engine share the validators of the shipped questions', () => {
  const { start, currentQuestion } = createEngine(flowSet);
  const cert = start({}, {}, { flow: 'certificate-sync' });
  const question = currentQuestion(cert)!;
  assert.equal(question.node.answer, 'date');
  for (const bad of ['2027-02-30', 'banana', '2027-13-01']) assert.equal(validateAnswerValue(question.node.answer, bad).ok, false, bad);
  const dns = start({}, { 'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-server-count': 2 }, { flow: 'dns' });
  assert.equal(currentQuestion(dns)!.node.answer, 'ip-list');
  assert.deepEqual(validateAnswerValue('ip-list', ['10.1.0.4', '10.1.0.5']), { ok: true, value: ['10.1.0.4', '10.1.0.5'] });
  assert.equal(validateAnswerValue('ip-list', ['10.1.0.4', '10.1.0.0/24']).ok, false, 'a range is not a server address');
});

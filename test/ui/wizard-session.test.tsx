import { test } from 'node:test';
import assert from 'node:assert/strict';
import { miniFlowSet } from '../support/mini-flows.ts';
import { KEY, startWizard } from './harness.tsx';

const flowSet = miniFlowSet();

/** Answers "not Linux" and tier "Standard", which leads to the host-port question. */
async function startAtHostPortQuestion() {
  const ui = startWizard({ flowSet });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
  await ui.press(KEY.down, KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question');
  return ui;
}

test('a whole session from the first question to a finding with a copy-ready command', async () => {
  const ui = await startAtHostPortQuestion();
  await ui.press(...'db.contoso.local:1433');
  await ui.waitFor((f) => f.includes('OK, press Enter'), 'live validation accepting the answer');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('What is the P2S pool?'), 'the pool question');
  await ui.press(...'10.10.0.0/24');
  await ui.press(KEY.enter);
  const asked = await ui.waitFor((f) => f.includes('Does tcpping db.contoso.local:1433 time out?'), 'the templated question');
  assert.match(asked, /4 answered/, 'the header counts the answers');
  await ui.press(KEY.enter);
  const findings = await ui.waitFor((f) => f.includes('Diagnosis'), 'the findings screen');
  assert.match(findings, /ERROR 1\. Timeout/);
  assert.match(findings, /1\. Test from Kudu \(Kudu console, Debug console > CMD; c 1 copies it\)/, 'the step says where its command runs');
  assert.match(findings, /^ {5}tcpping db\.contoso\.local:1433$/m, 'the command stands alone on its line, indented with spaces only');
  await ui.press('c', '1');
  await ui.waitFor((f) => f.includes("Step 1's command was sent to your terminal's clipboard (OSC 52)"), 'the copy message in the footer');
  assert.deepEqual(ui.copied, ['tcpping db.contoso.local:1433']);
  assert.doesNotMatch(findings, /[\u2500-\u257f]/, 'no box-drawing characters anywhere');
  await ui.press('q');
  await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to exit');
  assert.equal(ui.exited()!.exitCode, 1, 'an error finding gives exit code 1');
  assert.equal(ui.reports.length, 1, 'quitting writes the report');
  assert.equal(ui.reports[0]!.interrupted, false);
  assert.equal(ui.store.load().kind, 'none', 'a session that ended normally is cleared');
});

test('b goes back one question with the earlier answer highlighted; r restarts once confirmed; an invalid answer is refused with the reason', async () => {
  const ui = startWizard({ flowSet });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
  await ui.press('b');
  const back = await ui.waitFor((f) => f.includes('Is the app on Linux?') && f.includes('0 answered'), 'back at the first question');
  assert.match(back, /❯ No/, 'the earlier answer is highlighted');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?'), 'the tier question again, with Enter alone');
  await ui.press('3');
  await ui.waitFor((f) => f.includes('❯ Standard'), 'digit 3 moves the highlight to Standard and answers nothing');
  assert.match(ui.frame(), /Tier\?/, 'still on the tier question');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question (Enter chose Standard)');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Not accepted: type an answer first'), 'an empty answer refused with what to do');
  await ui.press(...'300.1.2.3:80');
  await ui.press(KEY.enter);
  const refused = await ui.waitFor((f) => f.includes('Not accepted: 300'), 'the refusal');
  assert.match(refused, /Not accepted: 300\.1\.2\.3 is not an IPv4 address/);
  assert.match(refused, /Which host and port\?/, 'the question stays');
  // A held Backspace empties the box and stops there: it never runs on into earlier questions.
  ui.type(KEY.backspace.repeat('300.1.2.3:80'.length + 10));
  const emptied = await ui.waitFor((f) => f.includes('e.g. db.contoso.local:1433'), 'the empty box with its example');
  assert.match(emptied, /Which host and port\?/);
  assert.match(emptied, /2 answered/);
  await ui.press(KEY.escape, 'b');
  await ui.waitFor((f) => f.includes('Tier?') && f.includes('1 answered'), 'Esc b went back to the tier question');
  await ui.press('r');
  await ui.waitFor((f) => f.includes('Restart from the first question? y restart'), 'the confirmation in the footer');
  await ui.press('n');
  await ui.waitFor((f) => f.includes('Tier?') && !f.includes('Restart from the first question?'), 'no restart without y');
  await ui.press('r', 'y');
  const restarted = await ui.waitFor((f) => f.includes('Is the app on Linux?') && f.includes('Restarted'), 'the restart');
  assert.match(restarted, /❯ No/, 'the earlier answer is offered again after a restart');
  ui.unmount();
});

test('keys that arrive together act as if typed one by one', async () => {
  const ui = startWizard({ flowSet });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  // Down and Enter in one read (a fast typist, SSH, tmux): the second option, No, is recorded.
  ui.type(`${KEY.down}${KEY.enter}`);
  // Keys for the next list in the same read act on that list, not on the one before.
  ui.type(`${KEY.down}${KEY.down}${KEY.enter}db.contoso.local:1433x${KEY.backspace}${KEY.enter}`);
  await ui.waitFor((f) => f.includes('What is the P2S pool?'), 'the pool question after all those keys');
  const saved = ui.store.load();
  assert.equal(saved.kind, 'saved');
  assert.deepEqual(saved.kind === 'saved' && saved.session.inputs, [
    { type: 'answer', question: 'eligible/ask-linux', value: false },
    { type: 'answer', question: 'eligible/ask-tier', value: 'Standard' },
    { type: 'answer', question: 'triage/ask-target', value: { host: 'db.contoso.local', port: 1433 } },
  ]);
  ui.unmount();
});

test('letters typed into a text box are text, and Esc then a letter is a command', async () => {
  const ui = startWizard({ flowSet, facts: { 'app.isLinux': { value: false, source: 'arm', detail: 'site app1' }, 'plan.tier': { value: 'Basic', source: 'arm', detail: 'plan asp1' } } });
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question');
  await ui.press(...'bq?.local');
  const typed = await ui.waitFor((f) => f.includes('bq?.local'), 'the typed text');
  assert.match(typed, /Which host and port\?/, 'b and q did not go back or quit');
  assert.doesNotMatch(typed, /Esc \+ key/, '? is text too: help is Esc ?');
  assert.match(typed, /Esc \? help/);
  assert.equal(ui.exited(), undefined);
  await ui.press(KEY.escape);
  await ui.waitFor((f) => f.includes('Command:'), 'the command line after Esc');
  await ui.press('d');
  await ui.waitFor((f) => f.includes('What is the P2S pool?'), 'Esc d answered "don\'t know"');
  ui.unmount();
});

test('a finished session whose report could not be written stays saved for --resume', async () => {
  const ui = startWizard({ flowSet, reports: async () => { throw new Error('report.md already exists; pass --force to overwrite it'); } });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Diagnosis'), 'the Linux finding');
  ui.type('q');
  await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to exit');
  assert.equal(ui.exited()!.exitCode, 1);
  assert.match(ui.exited()!.messages.join('\n'), /not written: .*--force[\s\S]*--resume/);
  assert.equal(ui.store.load().kind, 'saved');
});

test('quitting at the start screen, before any session, exits cleanly without a report', async () => {
  const ui = startWizard({ flowSet, beginning: { kind: 'start-screen' } });
  await ui.waitFor((f) => f.includes('Which app are we looking at?'), 'the start screen');
  ui.type('q');
  await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to exit');
  assert.deepEqual(ui.exited(), { exitCode: 0, messages: [] });
  assert.equal(ui.reports.length, 0);
});

test('a pasted answer followed at once by Enter is submitted, not lost', async () => {
  const ui = await startAtHostPortQuestion();
  // A paste and the Enter right after it reach Ink before it redraws.
  ui.type('db.contoso.local:1433');
  ui.type(KEY.enter);
  await ui.waitFor((f) => f.includes('What is the P2S pool?'), 'the next question after the pasted answer');
  ui.unmount();
});

/**
 * `vnet-doctor --app ID --probe`: the wizard names the app and lists the exact commands before
 * anything runs in it; yes runs them through Kudu and their results reach the flows as facts with
 * provenance `probe`; no runs nothing and the questions are asked. Real ARM and Kudu emulators,
 * the command's own fact-source wiring, the real WizardApp.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/cli/args.ts';
import { loadInputs } from '../../src/cli/load-inputs.ts';
import { sessionTarget } from '../../src/cli/target-flags.ts';
import { wizardSources } from '../../src/cli/wizard-command.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { startKudu, type KuduScript, type RunningKudu } from '../../src/emulator/kudu.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { SessionController } from '../../src/session/controller.ts';
import { ProbeConsent } from '../../src/session/probe-consent.ts';
import { answersFile, NOW, TOKEN } from '../probe/support.ts';
import { KEY, startWizard, type Harness } from './harness.tsx';

const TIMEOUT_AND_NXDOMAIN: Omit<KuduScript, 'token'> = {
  tcpping: { 'sql01.contoso.local:1433': 'timeout' }, nameresolver: { 'api.contoso.local': { outcome: 'not-found' } }, privateIp: '172.16.200.5',
};
const COMMANDS = ['tcpping sql01.contoso.local:1433', 'nameresolver api.contoso.local', 'cmd /c echo %WEBSITE_PRIVATE_IP%'];

interface ProbeWizard {
  readonly ui: Harness;
  readonly session: SessionController;
  readonly kudu: RunningKudu;
  readonly appName: string;
  stop(): Promise<void>;
}

/** The wizard as `vnet-doctor --app ID --answers FILE --probe --scm-endpoint URL` wires it, against the emulators. */
async function probeWizard(script: Omit<KuduScript, 'token'>, extra: readonly string[] = [], hold: Promise<void> = Promise.resolve()): Promise<ProbeWizard> {
  const scenario = loadScenario('healthy');
  const arm = await startEmulator({ scenario, token: TOKEN });
  const kudu = await startKudu({ token: TOKEN, ...script });
  const tlsCa = `${arm.ca}\n${kudu.ca}`;
  const { options } = parseCommandLine(['--app', scenario.target.app, '--arm-endpoint', arm.url, '--answers', answersFile(), '--probe', '--scm-endpoint', kudu.url, ...extra]);
  const { choice, access } = await sessionTarget(options, { credential: staticTokenCredential(TOKEN), tlsCa });
  const inputs = await loadInputs(options, (text) => { throw new Error(text); });
  assert.ok(typeof inputs !== 'number' && choice && access);
  const probeConsent = new ProbeConsent();
  const wired = wizardSources(options, { access, now: NOW, flowSet: inputs.flowSet, preset: inputs.answers, probeConsent, tlsCa });
  // The command's own sources, their facts held back until the test lets them through.
  const sources = { ...wired, gather: async (...args: Parameters<typeof wired.gather>) => { await hold; return wired.gather(...args); } };
  const session = new SessionController({ flowSet: inputs.flowSet, derivations: DERIVATIONS, preset: inputs.answers, sources, ...(options.flow === undefined ? {} : { flow: options.flow }) });
  const ui = startWizard({
    flowSet: inputs.flowSet, session, probeConsent, beginning: { kind: 'target', choice },
  });
  const appName = scenario.target.app.split('/').pop()!;
  return { ui, session, kudu, appName, stop: async () => { ui.unmount(); await Promise.all([arm.stop(), kudu.stop()]); } };
}

test('--probe: the wizard names the app and lists the exact commands before anything runs; yes feeds their results to the flows as probe facts', async () => {
  const run = await probeWizard(TIMEOUT_AND_NXDOMAIN, ['--flow', 'firewall-timeout']);
  try {
    const asked = await run.ui.waitFor((f) => f.includes('Run diagnostic commands in the app'), 'the probe confirmation');
    assert.match(asked, new RegExp(`Run diagnostic commands in the app ${run.appName}\\?`));
    const listed = COMMANDS.map((command) => asked.indexOf(command));
    assert.ok(listed.every((at) => at >= 0), `every command is listed:\n${asked}`);
    assert.deepEqual([...listed].sort((a, b) => a - b), listed, 'in the order they run');
    assert.match(asked, /❯ No, run nothing/, 'no is highlighted first');
    assert.equal(run.kudu.requests.length, 0, 'nothing ran while the question is open');

    await run.ui.press(KEY.up, KEY.enter);
    await run.ui.waitFor(() => run.session.session !== undefined && !run.ui.frame().includes('Run diagnostic commands'), 'the session after the probes');
    assert.deepEqual(run.kudu.requests.map((request) => request.command).sort(), [...COMMANDS].sort());
    const facts = run.session.session!.state.facts;
    assert.deepEqual(facts['probe.tcpping'] && { value: facts['probe.tcpping'].value, source: facts['probe.tcpping'].source }, { value: 'timeout', source: 'probe' });
    assert.deepEqual(facts['probe.nameresolver'] && { value: facts['probe.nameresolver'].value, source: facts['probe.nameresolver'].source }, { value: 'not-found', source: 'probe' });
    // The flows branched on what was measured: the firewall-timeout finding, without the tcpping question.
    const state = run.session.session!.state;
    assert.ok(state.findings.some((finding) => finding.id === 'tcp-timeout-firewall'), state.findings.map((finding) => finding.id).join(', '));
    const tcpping = state.path.find((step) => step.question === 'firewall-timeout/ask-tcpping');
    assert.ok(tcpping?.auto, 'the tcpping question was answered by the probe, not asked');
  } finally {
    await run.stop();
  }
});

test('--probe: no runs nothing in the app and the questions are asked', async () => {
  const run = await probeWizard(TIMEOUT_AND_NXDOMAIN, ['--flow', 'firewall-timeout']);
  try {
    await run.ui.waitFor((f) => f.includes('Run diagnostic commands in the app'), 'the probe confirmation');
    await run.ui.press(KEY.enter);
    await run.ui.waitFor(() => run.session.session !== undefined, 'the session without probes');
    const screen = await run.ui.waitFor((f) => f.includes('❯') || f.includes('Press Esc then d'), 'a question');
    assert.doesNotMatch(screen, /Run diagnostic commands/);
    assert.deepEqual(run.kudu.requests, [], 'no command ran in the app');
    const facts = run.session.session!.state.facts;
    assert.deepEqual(Object.values(facts).filter((fact) => fact.source === 'probe'), []);
    assert.deepEqual(run.session.session!.state.current, { flow: 'firewall-timeout', node: 'ask-tcpping' }, 'the tcpping question is asked');
    assert.match(screen, /tcpping sql01\.contoso\.local:1433/);
  } finally {
    await run.stop();
  }
});

test('--probe: keys typed while the facts load never answer the confirmation; they wait for the first question', async () => {
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  const run = await probeWizard(TIMEOUT_AND_NXDOMAIN, ['--flow', 'firewall-timeout'], held);
  try {
    await run.ui.waitFor((f) => f.includes('Reading facts'), 'the loading screen');
    // "1" and Enter would pick the first row ("Yes, run these commands") if they reached the confirmation.
    run.ui.type('1\r');
    release();
    const asked = await run.ui.waitFor((f) => f.includes('Run diagnostic commands in the app'), 'the probe confirmation');
    assert.match(asked, /❯ No, run nothing/);
    // A key on the confirmation that does not answer it (help) must not let the held keys through either.
    await run.ui.press('?');
    await run.ui.waitFor((f) => f.includes('Enter        choose'), 'the long help');
    assert.equal(run.session.session, undefined, 'the confirmation is still open');
    await run.ui.press('?');
    await run.ui.waitFor((f) => f.includes('❯ No, run nothing'), 'the confirmation again, help closed with ?');
    await run.ui.press(KEY.enter);
    await run.ui.waitFor(() => (run.session.session?.state.inputs.length ?? 0) > 0, 'the typed-ahead key answering the first question');
    assert.deepEqual(run.kudu.requests, [], 'no command ran in the app');
    const first = run.session.session!.state.inputs[0];
    assert.equal(first?.type === 'answer' ? first.question : first?.type, 'firewall-timeout/ask-tcpping', 'the held "1" and Enter answered the tcpping question');
  } finally {
    await run.stop();
  }
});

test('--probe: q on the confirmation leaves without running anything', async () => {
  const run = await probeWizard(TIMEOUT_AND_NXDOMAIN);
  try {
    await run.ui.waitFor((f) => f.includes('Run diagnostic commands in the app'), 'the probe confirmation');
    await run.ui.press('q');
    await run.ui.waitFor(() => run.ui.exited() !== undefined, 'the wizard to exit');
    assert.equal(run.ui.exited()!.exitCode, 0);
    assert.deepEqual(run.kudu.requests, [], 'no command ran in the app');
  } finally {
    await run.stop();
  }
});

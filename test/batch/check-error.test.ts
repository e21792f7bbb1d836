/**
 * Issue 20 item 11: paste the error. The documented messages of gateway-required integration
 * (learn.microsoft.com/azure/app-service/configure-gateway-required-vnet-integration, troubleshooting)
 * and tcpping / nameresolver outputs are recognised, in triage ("I have an error message"), with
 * `check --error TEXT`, and by the probe parser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNameresolver, parseTcpping } from '../../src/engine/tool-output.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { engine, facts, walk } from '../flows/shipped.ts';

const SOCKET = 'System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions. [::ffff:10.50.1.4]:1433';
const LOOKUP = 'Non-recoverable error during a database lookup';
const CMAK = 'Failed to add VNet integration: Legacy Cmak generation is not supported for gateway with IKEv2 enabled';

/** The cause the fact catalogue derives from a pasted text (the error-text answer records what it says). */
const recognizeError = (text: string) => engine.resolveFact(engine.start(facts({ 'triage.symptom': 'error', 'error.text': text })), 'error.kind')?.value;

test('the documented texts and the Kudu tools\' outputs are recognised; anything else is not', () => {
  assert.equal(recognizeError(SOCKET), 'socket-forbidden');
  assert.equal(recognizeError(`nameresolver db.contoso.local\n${LOOKUP}`), 'database-lookup');
  assert.equal(recognizeError(CMAK), 'legacy-cmak');
  assert.equal(recognizeError('tcpping sql01:1433\nConnection attempt failed: Connection timed out.\nComplete: 0/4 successful'), 'tcp-timeout');
  assert.equal(recognizeError('Connection attempt failed: No connection could be made because the target machine actively refused it.\nComplete: 0/4 successful'), 'tcp-refused');
  assert.equal(recognizeError('Server: 10.20.0.4\n*** 10.20.0.4 can\'t find db.contoso.local: Non-existent domain'), 'name-not-found');
  assert.equal(recognizeError('The page cannot be displayed'), undefined);
});

test('the probe parser reads the same texts: a forbidden socket is a routing failure, a database lookup error a tunnel that cannot be built', () => {
  assert.equal(parseTcpping(`Connection attempt failed: ${SOCKET}\nComplete: 0/4 successful`, '10.50.1.4:1433'), 'unreachable');
  assert.equal(parseNameresolver(`Server: 10.20.0.4\n${LOOKUP}`).outcome, 'lookup-failed');
});

test('triage, "I have an error message": each cause leads to its checks', () => {
  const triage = (text: string) => walk('triage', facts({ 'triage.symptom': 'error', 'error.text': text }), { 'rfc1918/ask-target-ip': '10.50.1.4', 'gateway-setup/ask-connections': 10, 'gateway-down/ask-health': true });
  const socket = triage(SOCKET);
  assert.deepEqual(socket.findings.map((f) => f.id), ['integration-retiring', 'error-message-recognised', 'plan-route-missing']);
  assert.equal(socket.findings[1]!.title, 'The error message means: the app tried an address outside the ranges it sends into the tunnel (a plan route is missing)');
  const cmak = triage(CMAK);
  assert.ok(cmak.path.some((step) => step.flow === 'gateway-setup'), 'the gateway checks (IKEv2) follow');
  const unknown = walk('triage', facts({ 'triage.symptom': 'error', 'error.text': 'Something else entirely' }), {});
  assert.deepEqual([unknown.outcome?.kind, unknown.findings.map((f) => f.id)], ['not-resolved', ['integration-retiring']]);
});

test('check --error TEXT starts triage from the cause; an empty text or another flow is refused', async () => {
  const printed: string[] = [];
  const out: Output = { print: (text) => printed.push(text), error: () => {} };
  const now = () => new Date('2026-06-01T10:00:00Z');
  await checkCommand({ demo: 'healthy', flow: 'triage', error: SOCKET }, out, { now });
  assert.match(printed.join('\n'), /The error message means: the app tried an address outside the ranges it sends into the tunnel/);
  await assert.rejects(checkCommand({ demo: 'healthy', error: '  ' }, out, { now }), /--error needs the text/);
  await assert.rejects(checkCommand({ demo: 'healthy', flow: 'dns', error: SOCKET }, out, { now }), /--error starts in triage/);
});

/**
 * The real program in a pseudo-terminal with --probe, against the ARM and Kudu emulators: the
 * confirmation names the app and the commands, nothing runs before yes, and after yes the flows
 * go on from what the probes measured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { startKudu } from '../../src/emulator/kudu.ts';
import { answersFile, TOKEN } from '../probe/support.ts';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));

test('vnet-doctor --app ID --probe asks before running the commands in the app, then answers the tcpping question from them', async () => {
  const scenario = loadScenario('healthy');
  const arm = await startEmulator({ scenario, token: TOKEN });
  const kudu = await startKudu({ token: TOKEN, tcpping: { 'sql01.contoso.local:1433': 'timeout' }, nameresolver: { 'api.contoso.local': { outcome: 'not-found' } }, privateIp: '172.16.200.5' });
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-probe-pty-'));
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, `${arm.ca}\n${kudu.ca}`);
  // VNET_DOCTOR_SOURCE is inherited: npm test runs this against the bundle and against src/.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: ca, VNET_DOCTOR_ACCESS_TOKEN: TOKEN, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color' };
  const term = new PseudoTerminal([process.execPath, BIN, '--app', scenario.target.app, '--arm-endpoint', arm.url, '--answers', answersFile(),
    '--flow', 'firewall-timeout', '--probe', '--scm-endpoint', kudu.url], { cwd: dir, env });
  try {
    const asked = await term.waitFor('Yes, run these commands in the app', 'the probe confirmation');
    assert.match(asked, /Run diagnostic commands in the app contoso-api\?/);
    assert.match(asked, /tcpping sql01\.contoso\.local:1433[\s\S]*nameresolver api\.contoso\.local[\s\S]*cmd \/c echo %WEBSITE_PRIVATE_IP%/);
    assert.equal(kudu.requests.length, 0, 'nothing ran before the answer');
    // 1 and Enter pick "Yes"; the tcpping question is answered by the probe and the next one is asked.
    const next = await term.press('1\r', /does Test-NetConnection sql01\.contoso\.local -Port 1433 connect\?/, 'the question after tcpping');
    assert.match(next, /timeout \(from a probe/, 'the tcpping answer shows that a probe measured it');
    assert.deepEqual(kudu.requests.map((request) => request.command).sort(), ['cmd /c echo %WEBSITE_PRIVATE_IP%', 'nameresolver api.contoso.local', 'tcpping sql01.contoso.local:1433']);
    term.send('q');
    assert.equal(await term.exit, 1, 'q after an error finding (the firewall timeout) exits 1');
  } finally {
    term.close();
    await Promise.all([arm.stop(), kudu.stop()]);
  }
});

/** ARM emulator + Kudu emulator for the probe tests, and `check --probe` run against both. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.ts';
import { startKudu, type KuduScript, type RunningKudu } from '../../src/emulator/kudu.ts';
import type { Report } from '../../src/report/report-model.ts';

export const TOKEN = 'probe-test-token';
export const NOW = () => new Date('2026-06-01T10:00:00Z');

/** The app cannot reach sql01.contoso.local:1433 and cannot resolve api.contoso.local: the questions probes answer. */
export const ANSWERS = `
answers:
  triage/ask-symptom: reach-vnet
facts:
  target.host: sql01.contoso.local
  target.port: 1433
  dns.testName: api.contoso.local
`;

export function answersFile(text = ANSWERS): string {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-probe-'));
  writeFileSync(join(dir, 'answers.yaml'), text);
  return join(dir, 'answers.yaml');
}

export interface ProbeRun {
  readonly code: number;
  readonly report: Report;
  readonly stderr: string;
  readonly arm: RunningEmulator;
  readonly kudu: RunningKudu;
}

export async function checkWithProbe(script: Omit<KuduScript, 'token'>, options: { scenario?: Scenario; extra?: string[]; answers?: string } = {}): Promise<ProbeRun> {
  const scenario = options.scenario ?? loadScenario('healthy');
  const arm = await startEmulator({ scenario, token: TOKEN });
  const kudu = await startKudu({ token: TOKEN, ...script });
  try {
    const argv = ['check', '--app', scenario.target.app, '--arm-endpoint', arm.url, '--access-token', TOKEN, '--format', 'json',
      '--answers', answersFile(options.answers), '--probe', '--scm-endpoint', kudu.url, ...(options.extra ?? [])];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await checkCommand(parseCommandLine(argv).options, { print: (text) => stdout.push(text), error: (text) => stderr.push(text) }, {
      now: NOW, tlsCa: `${arm.ca}\n${kudu.ca}`, signal: new AbortController().signal,
    });
    return { code, report: JSON.parse(stdout.join('\n')) as Report, stderr: stderr.join('\n'), arm, kudu };
  } finally {
    await Promise.all([arm.stop(), kudu.stop()]);
  }
}

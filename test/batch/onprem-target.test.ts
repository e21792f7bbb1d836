/**
 * The on-premises path asks what the VNet path asks (issue 19 item 5), through `check` on the
 * healthy demo (its local network gateway knows 192.168.0.0/16): what tcpping shows is recorded,
 * a target outside every known range is asked about first, and a host inside them gets no error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-onprem-'));

async function check(target: string) {
  const answers = join(work, `${target.replace(/[^0-9]/g, '-')}.yaml`);
  writeFileSync(answers, [
    'answers:', '  triage/ask-symptom: reach-onprem', '  eligibility/ask-service-endpoint: false',
    `  onprem-routes/ask-target: ${target}`, '  onprem-routes/ask-tcpping: timeout', '',
  ].join('\n'));
  const printed: string[] = [];
  const out: Output = { print: (text) => printed.push(text), error: () => {} };
  const code = await checkCommand({ demo: 'healthy', flow: 'triage', answers, format: 'json' }, out);
  return { code, report: JSON.parse(printed.join('')) as { findings: { id: string; severity: string; title: string }[]; path: { question: string; answer: unknown; answerLabel?: string }[] } };
}

test('a target in no range the gateway knows: "is the address right, or is a range missing?" comes first', async () => {
  const { code, report } = await check('10.50.1.4:1433');
  assert.equal(code, 1);
  assert.equal(report.findings[0]?.id, 'onprem-target-outside-ranges');
  assert.equal(report.findings[0]?.title, '10.50.1.4 is in no on-premises range the gateway knows: is the address right, or is a range missing?');
  const tcpping = report.path.find((entry) => entry.question === 'onprem-routes/ask-tcpping');
  assert.equal(tcpping?.answer, 'timeout', 'what tcpping showed is in the report');
  assert.equal(tcpping?.answerLabel, 'No answer: it gives up after about 21 seconds');
});

test('a target inside the known on-premises ranges on the healthy demo: no error', async () => {
  const { code, report } = await check('192.168.10.4:1433');
  assert.equal(code, 0);
  assert.deepEqual(report.findings.filter((finding) => finding.severity === 'error'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from '../../src/report/markdown.ts';
import type { Report } from '../../src/report/report-model.ts';
import { completeSession, reportOf } from './support/report-sessions.ts';

const base = () => reportOf([completeSession()]);

/** The fenced blocks of a Markdown text: language and exact content. */
const fences = (markdown: string) => [...markdown.matchAll(/^(`{3,})(\w*)\n([\s\S]*?)\n\1$/gm)].map((m) => ({ language: m[2], body: m[3] }));

test('each command sits alone in a fenced block with its language hint and nothing else inside', () => {
  // The traffic path's Mermaid diagram comes first (test/report/traffic-path.test.ts checks it).
  const blocks = fences(toMarkdown(base())).filter((block) => block.language !== 'mermaid');
  assert.deepEqual(blocks, [
    { language: 'bash', body: 'az network vnet-gateway update --resource-group rg-net-hub --name gw-hub-weu --address-prefixes 10.250.0.0/24' },
    { language: 'text', body: 'tcpping sql-orders.contoso.com:1433' },
    { language: 'powershell', body: 'Test-NetConnection -ComputerName sql-orders.contoso.com -Port 1433' },
    { language: 'text', body: 'contoso-orders > Networking > VNet integration' },
  ]);
});

test('a command holding backticks (PowerShell line continuations, fences) is fenced with a longer fence', () => {
  const report = base();
  const command = 'Get-AzVirtualNetworkGateway `\n  -Name gw\n```\nnot the end';
  const withTicks: Report = { ...report, findings: [{ ...report.findings[0]!, steps: [{ kind: 'powershell', text: 'Run', command }] }] };
  const block = fences(toMarkdown(withTicks)).find((f) => f.language === 'powershell');
  assert.equal(block?.body, command);
});

test('values with pipes or Markdown characters cannot break the fact table or the formatting', () => {
  const report = base();
  const odd: Report = { ...report, facts: [{ key: 'nsg.blockingRule', value: 'deny|all *now* <b>', source: 'arm', detail: 'rule_1 | prio [100]' }] };
  const row = toMarkdown(odd).split('\n').find((line) => line.includes('nsg.blockingRule'))!;
  assert.equal(row, '| `nsg.blockingRule` | deny\\|all \\*now\\* \\<b\\> | ARM: rule\\_1 \\| prio \\[100\\] |');
  assert.equal(row.split(/(?<!\\)\|/).length, 5, 'exactly three cells');
});

test('control characters from outside values are shown escaped, never written raw', () => {
  const report = base();
  const hostile: Report = { ...report, target: { mode: 'arm', appName: 'app\u001b]0;owned\u0007' }, errors: [{ facts: ['x'], reason: 'bad\u001b[2Jreason' }] };
  const markdown = toMarkdown(hostile);
  assert.doesNotMatch(markdown, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // safeText's backslash is itself escaped, so the rendered Markdown reads `app\x1b]0;owned\x07`.
  assert.match(markdown, /# vnet-doctor report: app\\\\x1b\\\]0;owned\\\\x07, 2026-11-25/);
  assert.match(markdown, /bad\\\\x1b\\\[2Jreason/);
});

test('the summary line counts findings by severity and states the status', () => {
  const markdown = toMarkdown(reportOf([completeSession()], { interrupted: true }));
  assert.match(markdown, /^\*\*Summary:\*\* Diagnosis: 2 errors, 1 warning, 0 notes \(partial, the session was stopped before it ended\)\. Fix the errors first\.$/m);
});

test('steps are numbered and the sections come in reading order', () => {
  const markdown = toMarkdown(base());
  const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
  assert.deepEqual(headings, ['## Retirement notice', '## Traffic path', '## Findings', '## Facts', '## Questions and answers', '## Could not be determined']);
  assert.match(markdown, /Next steps:\n\n1\. Test from the Kudu console\n\n```text\ntcpping sql-orders\.contoso\.com:1433\n```\n\n2\. Test from a VM in the VNet/);
});

test('an auto-answered question shows where its answer came from; an override shows both values', () => {
  const markdown = toMarkdown(base());
  assert.match(markdown, /1\. Which VNet integration does contoso-orders use\? \*\*Gateway-required\*\* \(automatic, ARM: virtualNetworkConnections of contoso-orders\)/);
  assert.match(markdown, /\| `p2s\.addressPool` \| 203\.0\.113\.0\/24 \| answer: answer to triage\/ask-pool; replaces the ARM value 172\.32\.10\.0\/24/);
});

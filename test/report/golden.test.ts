/**
 * Golden tests: the exact Markdown and JSON for representative sessions. A change to the report
 * format shows up as a diff here; review it, then rewrite the files with UPDATE_GOLDEN=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJson } from '../../src/report/json.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { redactReport } from '../../src/report/redact.ts';
import type { Report } from '../../src/report/report-model.ts';
import { batchSessions, completeSession, interruptedSession, reportOf } from './support/report-sessions.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (UPDATE) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it after review)`);
}

const CASES: Record<string, () => Report> = {
  // ARM facts, an override of an ARM value, a "don't know", an ARM error.
  complete: () => reportOf([completeSession()]),
  // Offline, stopped while a question was pending.
  interrupted: () => reportOf([interruptedSession()], { interrupted: true, target: { mode: 'offline' } }),
  // Batch: two flows, a finding both raise, an open question, an error passed by the caller.
  batch: () => reportOf(batchSessions(), { errors: [{ facts: ['peering.state'], reason: 'ARM 429 Too Many Requests', source: 'GET virtualNetworkPeerings of vnet-hub' }] }),
  // The complete session, redacted.
  'complete-redacted': () => redactReport(reportOf([completeSession()])),
};

for (const [name, make] of Object.entries(CASES)) {
  test(`${name}: Markdown matches the golden file`, () => assertGolden(`${name}.md`, toMarkdown(make())));
  test(`${name}: JSON matches the golden file`, () => assertGolden(`${name}.json`, toJson(make())));
}

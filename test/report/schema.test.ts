/** Generated reports must validate against the published schema, and the schema must not be a rubber stamp. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { toJson } from '../../src/report/json.ts';
import { redactReport } from '../../src/report/redact.ts';
import { REPORT_SCHEMA_VERSION } from '../../src/report/report-model.ts';
import { batchSessions, completeSession, interruptedSession, reportOf } from './support/report-sessions.ts';

const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/);
ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
const validate = ajv.compile(schema);

const reports = {
  complete: () => reportOf([completeSession()]),
  interrupted: () => reportOf([interruptedSession()], { interrupted: true, target: { mode: 'offline' } }),
  batch: () => reportOf(batchSessions(), { errors: [{ facts: ['peering.state'], reason: 'ARM 429', source: 'GET peerings' }] }),
  redacted: () => redactReport(reportOf([completeSession()])),
  demo: () => reportOf([], { target: { mode: 'demo', scenario: 'healthy' } }),
};

for (const [name, make] of Object.entries(reports)) {
  test(`the ${name} report's JSON validates against schema/report.schema.json`, () => {
    const parsed = JSON.parse(toJson(make()));
    assert.ok(validate(parsed), ajv.errorsText(validate.errors));
  });
}

test('the schema rejects reports that break the contract', () => {
  const good = JSON.parse(toJson(reportOf([completeSession()])));
  const broken = [
    { ...good, schemaVersion: REPORT_SCHEMA_VERSION + 1 },
    { ...good, status: 'done' },
    { ...good, unexpected: true },
    { ...good, findings: [{ ...good.findings[0], severity: 'fatal' }] },
    { ...good, path: [{ ...good.path[0], answer: { host: 'h' } }] },
  ];
  for (const report of broken) assert.equal(validate(report), false, JSON.stringify(report).slice(0, 80));
});

test('JSON output is stable: fixed key order, two-space indent, trailing newline', () => {
  const text = toJson(reportOf([completeSession()]));
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(Object.keys(JSON.parse(text)), [
    'schemaVersion', 'tool', 'generatedAt', 'target', 'status', 'interrupted', 'redacted', 'summary', 'retirement',
    'findings', 'facts', 'path', 'openQuestions', 'unknowns', 'errors',
  ]);
  const shuffled = Object.fromEntries(Object.entries(reportOf([completeSession()])).reverse()) as ReturnType<typeof reportOf>;
  assert.equal(toJson(shuffled), text, 'the order an object was built in does not matter');
});

test('JSON never carries a raw control character, and still parses back to the same strings', () => {
  const hostile = { ...reportOf([completeSession()]), target: { mode: 'arm' as const, appName: 'a\u001b[2Jb\u009b31mc\u007fd' } };
  const text = toJson(hostile);
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  assert.equal(JSON.parse(text).target.appName, 'a\u001b[2Jb\u009b31mc\u007fd');
});

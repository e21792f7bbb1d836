import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { buildFlowSet } from '../../src/engine/load.ts';
import { formatDiagnostic } from '../../src/engine/diagnostic.ts';
import { readFlowFiles } from '../../src/flows/flow-dir.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

const brokenDir = new URL('../fixtures/broken/', import.meta.url);
const cases = readdirSync(brokenDir).filter((name) => name.endsWith('.yaml')).sort();

test('the clean mini flow directory lints without problems', () => {
  const { flowSet, diagnostics } = buildFlowSet(readFlowFiles(writeFlowDir()));
  assert.deepEqual(diagnostics, []);
  assert.ok(flowSet);
});

for (const name of cases) {
  test(`broken fixture ${name} is refused with its specific error`, () => {
    const text = readFileSync(new URL(name, brokenDir), 'utf8');
    const expect = /^# expect: (.+?)(?: \| line (\d+))?$/m.exec(text);
    assert.ok(expect, `${name} needs an "# expect:" header`);
    const [, message, line] = expect;
    const dir = writeFlowDir({ [name]: text });
    const { flowSet, diagnostics } = buildFlowSet(readFlowFiles(dir));
    assert.equal(flowSet, undefined, 'a broken flow set must not load');
    const formatted = diagnostics.map(formatDiagnostic);
    const match = diagnostics.find((d) => formatDiagnostic(d).includes(message!) && formatDiagnostic(d).includes(name));
    assert.ok(match, `expected a diagnostic in ${name} containing "${message}", got:\n${formatted.join('\n')}`);
    if (line !== undefined) assert.equal(match.line, Number(line), `line of: ${formatDiagnostic(match)}`);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
    assert.equal(({} as Record<string, unknown>).kind, undefined, 'no prototype pollution');
  });
}

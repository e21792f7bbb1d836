/** The shipped flows' parse shared between processes (src/flows/parsed-flow-cache.ts): same result, parsed again when a flow changes. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlowFiles, type FlowFiles } from '../../src/engine/load.ts';
import { readFlowFiles, shippedFlowDir } from '../../src/flows/flow-dir.ts';
import { KEPT_ENTRIES, parsedWithCache } from '../../src/flows/parsed-flow-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-flow-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));
const files = readFlowFiles(shippedFlowDir());

function counting() {
  let calls = 0;
  return { parse: (input: FlowFiles) => { calls += 1; return parseFlowFiles(input); }, calls: () => calls };
}

test('the second process reads the parse the first one stored: the same values, line maps and errors', () => {
  const dir = join(work, 'a');
  const first = counting();
  const parsed = parsedWithCache(files, dir, first.parse);
  const second = counting();
  const cached = parsedWithCache(files, dir, second.parse);
  assert.equal(first.calls(), 1);
  assert.equal(second.calls(), 0, 'read from the cache, not parsed');
  assert.deepEqual(cached, parsed);
  assert.ok(cached.facts.lines instanceof Map);
});

test('an edited flow is parsed again, never served from the entry of the old text', () => {
  const dir = join(work, 'b');
  parsedWithCache(files, dir, parseFlowFiles);
  const edited: FlowFiles = { ...files, flows: files.flows.map((file, index) => (index === 0 ? { ...file, text: `${file.text}\n# edited\n` } : file)) };
  const again = counting();
  const parsed = parsedWithCache(edited, dir, again.parse);
  assert.equal(again.calls(), 1);
  assert.deepEqual(parsed, parseFlowFiles(edited));
});

test('without a cache directory, or one that cannot be written, the flows are parsed as before', () => {
  const none = counting();
  assert.deepEqual(parsedWithCache(files, undefined, none.parse), parseFlowFiles(files));
  assert.equal(none.calls(), 1);
  // A cache directory under a regular file cannot be made (even by root): the parse goes on without it.
  const file = join(work, 'not-a-directory');
  writeFileSync(file, 'x');
  const blocked = counting();
  assert.deepEqual(parsedWithCache(files, join(file, 'cache'), blocked.parse), parseFlowFiles(files));
  assert.equal(blocked.calls(), 1);
});

test('old entries go: at most KEPT_ENTRIES stay', () => {
  const dir = join(work, 'c');
  for (let edit = 0; edit < KEPT_ENTRIES + 3; edit += 1) {
    const edited: FlowFiles = { ...files, facts: { ...files.facts, text: `${files.facts.text}\n# ${edit}\n` } };
    parsedWithCache(edited, dir, parseFlowFiles);
    // Distinct modification times, oldest first, whatever the file system's resolution.
    for (const name of readdirSync(dir)) if (!name.startsWith('.')) utimesSync(join(dir, name), new Date(), new Date(Date.now() - (KEPT_ENTRIES + 3 - edit) * 1000));
  }
  assert.equal(readdirSync(dir).filter((name) => name.startsWith('flows-')).length, KEPT_ENTRIES);
});

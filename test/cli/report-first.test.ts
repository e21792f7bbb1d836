/**
 * `--report PATH` is checked when a command starts, before any Azure call: a missing directory,
 * an existing file (without --force) or an extension that names no format is exit 2, and the ARM
 * endpoint never hears from the command. Scan too (it used to find out only after the whole scan).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { ACCESS_TOKEN_ENV } from '../../src/facts/arm/access-token.ts';

const APP = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Web/sites/app1';

test('a bad --report path is refused with exit 2 before any connection to ARM, in scan and check', async () => {
  let connections = 0;
  const server = createServer((socket) => { connections += 1; socket.destroy(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-report-first-'));
  const previous = process.env[ACCESS_TOKEN_ENV];
  process.env[ACCESS_TOKEN_ENV] = 'report-first-token';
  try {
    const existing = join(work, 'exists.json');
    writeFileSync(existing, '{}');
    const cases = [
      [['scan', '--subscription', 's1', '--report', join(work, 'missing', 'scan.json')], /--report .*scan\.json: the directory .*missing does not exist/],
      [['scan', '--subscription', 's1', '--report', existing], /already exists; pass --force to replace it/],
      [['scan', '--report', join(work, 'scan.xlsx')], /ends in "\.xlsx"; it needs an extension that names its format: \.json for JSON, \.csv for CSV, \.md or \.markdown for Markdown, or \.txt for a table/],
      [['scan', '--format', 'csv', '--report', join(work, 'scan.json')], /--format csv contradicts --report .*scan\.json, which is written as json/],
      [['check', '--app', APP, '--report', join(work, 'missing', 'r.md')], /the directory .*missing does not exist/],
      [['check', '--app', APP, '--report', existing], /already exists; pass --force/],
    ] as const;
    for (const [args, message] of cases) {
      const stderr: string[] = [];
      const code = await main([...args, '--arm-endpoint', endpoint], { print: () => {}, error: (text) => stderr.push(text) });
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr.join('\n'), message, args.join(' '));
    }
    assert.equal(connections, 0, 'no command called ARM');
  } finally {
    if (previous === undefined) delete process.env[ACCESS_TOKEN_ENV]; else process.env[ACCESS_TOKEN_ENV] = previous;
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
});

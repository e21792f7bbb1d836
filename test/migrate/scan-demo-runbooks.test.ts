/**
 * `scan --demo --runbooks DIR` on the shipped demo tenant: a runbook per ready app or slot, the
 * waves with every row of the scan, every subnet the waves assign or propose inside its VNet and
 * overlapping neither another assignment nor the VNet's own subnets (checked with ip-address), and
 * the bash scripts valid; --runbooks with --redact, or a missing directory, is refused before any read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Address4 } from 'ip-address';
import { parseCommandLine, UsageError } from '../../src/cli/args.ts';
import { scanCommand } from '../../src/cli/scan-command.ts';
import { demoTenant } from '../../src/emulator/demo-tenant.ts';
import type { ScanReport } from '../../src/scan/scan-types.ts';
import { bashSyntaxError, runScript } from './script-run.ts';

async function scan(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const argv = ['scan', ...args];
  const code = await scanCommand(parseCommandLine(argv).options, { print: (text) => out.push(text), error: (text) => err.push(text) }, { argv, progress: false, signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** CSV line to cells (RFC 4180 quotes). */
function cells(line: string): string[] {
  const found: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') { cell += '"'; index += 1; } else if (char === '"') quoted = false; else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { found.push(cell); cell = ''; } else cell += char;
  }
  found.push(cell);
  return found;
}

const span = (prefix: string) => { const address = new Address4(prefix); return [address.startAddress().bigInt(), address.endAddress().bigInt()] as const; };
const overlap = (a: string, b: string) => { const [a0, a1] = span(a); const [b0, b1] = span(b); return a0 <= b1 && b0 <= a1; };

test('scan --demo --runbooks: runbooks for the ready app and its slot, waves for every row, subnets that overlap nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-fleet-'));
  try {
    const run = await scan(['--demo', '--format', 'json', '--runbooks', dir]);
    assert.equal(run.code, 1, run.err);
    const report = JSON.parse(run.out) as ScanReport;
    const ready = report.rows.filter((row) => row.readiness === 'ready');
    assert.ok(ready.length >= 2 && ready.some((row) => row.slot !== null), 'the demo tenant has a ready app with a ready slot');
    const files = readdirSync(dir).sort();
    assert.equal(files.filter((name) => name.endsWith('.md') && name !== 'waves.md').length, ready.length);
    for (const row of ready) {
      const base = `runbook-${row.app.split('/').pop()}${row.slot ? `-${row.slot}` : ''}`;
      for (const ext of ['.md', '.sh', '.ps1']) assert.ok(files.includes(base + ext), `${base}${ext}`);
      const script = readFileSync(join(dir, `${base}.sh`), 'utf8');
      assert.equal(bashSyntaxError(script), undefined);
      assert.deepEqual(runScript(script, []).azCalls, []);
    }
    const [header, ...lines] = readFileSync(join(dir, 'waves.csv'), 'utf8').trim().split('\n').map(cells);
    assert.equal(lines.length, report.rows.length, 'one waves line per row of the scan');
    const column = (name: string) => header!.indexOf(name);
    assert.deepEqual(lines.filter((line) => line[column('wave')] !== '').map((line) => [line[column('wave')], line[column('slot')]]), [['1', 'staging'], ['2', '']]);
    // Every assigned or proposed subnet lies in its VNet and overlaps nothing there (ip-address).
    const tenant = await demoTenant();
    const vnets = new Map(tenant.scenario.resources.filter((resource) => resource.type === 'Microsoft.Network/virtualNetworks')
      .map((resource) => [resource.id.toLowerCase(), resource as unknown as { properties: { addressSpace: { addressPrefixes: string[] }; subnets: { name: string; properties: { addressPrefix: string } }[] } }]));
    const byVnet = new Map<string, { name: string; prefix: string; mode: string }[]>();
    for (const line of lines) {
      const prefix = line[column('subnet_range')]!;
      if (prefix === '') continue;
      const vnet = line[column('vnet_id')]!.toLowerCase();
      if (!byVnet.has(vnet)) byVnet.set(vnet, []);
      const list = byVnet.get(vnet)!;
      if (!list.some((entry) => entry.prefix === prefix)) list.push({ name: line[column('subnet')]!, prefix, mode: line[column('subnet_mode')]! });
    }
    assert.ok([...byVnet.values()].flat().some((entry) => entry.mode === 'proposed'), 'plans that only lack a subnet get one proposed');
    for (const [vnet, assigned] of byVnet) {
      const body = vnets.get(vnet)!.properties;
      for (const [index, entry] of assigned.entries()) {
        assert.ok(body.addressSpace.addressPrefixes.some((space) => space.includes('.') && new Address4(entry.prefix).isInSubnet(new Address4(space))), `${entry.prefix} in ${vnet}`);
        for (const other of assigned.slice(index + 1)) assert.ok(!overlap(entry.prefix, other.prefix), `${entry.prefix} overlaps ${other.prefix}`);
        for (const subnet of body.subnets.filter((candidate) => candidate.name !== entry.name)) assert.ok(!overlap(entry.prefix, subnet.properties.addressPrefix), `${entry.prefix} overlaps subnet ${subnet.name}`);
      }
    }
    assert.match(readFileSync(join(dir, 'waves.md'), 'utf8'), /## Not ready: what unblocks them/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--runbooks with --redact, or a directory that does not exist, is refused (exit 2) before any read', async () => {
  await assert.rejects(scan(['--demo', '--redact', '--runbooks', tmpdir()]), (error: unknown) => error instanceof UsageError && /--runbooks writes commands that need the real names; leave out --redact/.test(error.message));
  await assert.rejects(scan(['--demo', '--runbooks', join(tmpdir(), 'nope-vnet-doctor-fleet')]), (error: unknown) => error instanceof UsageError && /--runbooks .*nope-vnet-doctor-fleet: no such directory/.test(error.message));
});

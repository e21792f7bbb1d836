/**
 * `check --demo X --redact` for every shipped demo scenario: no resource name, resource group,
 * subscription id or host name from the scenario file may appear anywhere in the redacted Markdown
 * or JSON (facts, provenance, sources, errors, steps, explanations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { CliOptions } from '../../src/cli/args.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const NOW = () => new Date('2026-11-25T10:00:00Z');
/**
 * Names Azure gives every customer: kept on purpose (see pseudonyms.ts). `virtualNetwork` is the
 * fixed name of an app's `networkConfig/virtualNetwork` child resource, the same for every app.
 */
const GENERIC = new Set(['default', 'gatewaysubnet', 'virtualnetwork']);

/** Every customer identifier in a scenario file: ARM id segments, resource names, host names. */
export function identifiers(scenario: unknown): Set<string> {
  const found = new Set<string>();
  const add = (value: string) => { if (!GENERIC.has(value.toLowerCase())) found.add(value); };
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      for (const id of value.matchAll(/\/subscriptions\/[^\s"']+/gi)) {
        const parts = id[0].split('/');
        parts.forEach((part, index) => {
          const label = parts[index - 1]?.toLowerCase();
          if (label === 'subscriptions' || label === 'resourcegroups') add(part);
        });
        const providers = parts.findIndex((part) => part.toLowerCase() === 'providers');
        if (providers > 0) for (let index = providers + 3; index < parts.length; index += 2) add(parts[index]!);
      }
      if (key === 'hostNames' || key === 'fqdn' || key === 'host') add(value);
      return;
    }
    if (Array.isArray(value)) { value.forEach((item) => visit(item, key)); return; }
    if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) visit(item, name);
    }
  };
  const file = scenario as { resources?: readonly { name?: string }[] };
  visit(file);
  for (const resource of file.resources ?? []) if (typeof resource.name === 'string') add(resource.name);
  return found;
}

async function redacted(id: string, format: 'md' | 'json'): Promise<string> {
  const stdout: string[] = [];
  await checkCommand({ demo: id, redact: true, format } as CliOptions, { print: (text) => stdout.push(text), error: () => {} }, { now: NOW });
  return stdout.join('\n');
}

const ids = readdirSync(SCENARIOS).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));

test('the demo scenarios are all covered', () => {
  assert.ok(ids.length >= 15, `only ${ids.length} scenarios found`);
});

for (const id of ids) {
  test(`check --demo ${id} --redact leaks no name, resource group, subscription id or host name`, async () => {
    const scenario = JSON.parse(readFileSync(join(SCENARIOS, `${id}.json`), 'utf8'));
    const secrets = identifiers(scenario);
    assert.ok(secrets.size > 0);
    for (const format of ['md', 'json'] as const) {
      const text = (await redacted(id, format)).toLowerCase();
      assert.ok(text.length > 0, `${format}: no report printed`);
      const leaks = [...secrets].filter((secret) => text.includes(secret.toLowerCase())
        || text.includes(encodeURIComponent(secret).toLowerCase()));
      assert.deepEqual(leaks, [], `${format} report of ${id} leaks these`);
    }
  });
}

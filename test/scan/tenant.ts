/**
 * A three-subscription tenant for the scan tests, made of shipped scenarios moved into other
 * subscriptions and resource groups (so their ids do not collide): each gateway-required
 * scenario brings the findings it states in `expect.findings`.
 */
import { loadScenario, type Scenario, type ScenarioResource } from '../../src/emulator/scenarios.ts';
import type { Fault } from '../../src/emulator/server.ts';

const SHIPPED_SUBSCRIPTION = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
export const SUB_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const SUB_B = 'bbbbbbbb-0000-4000-8000-000000000002';
/** Its plans cannot be read (403 on the plan list and on each plan's VNet connections). */
export const SUB_C = 'cccccccc-0000-4000-8000-000000000003';

export interface Placed {
  readonly scenario: string;
  readonly app: string;
  readonly findings: readonly string[];
}

function place(id: string, subscription: string, tag: string): { resources: ScenarioResource[]; placed: Placed } {
  const scenario = loadScenario(id);
  const move = (text: string) => text.replaceAll(SHIPPED_SUBSCRIPTION, subscription).replaceAll('rg-contoso-', `rg-${tag}-`);
  const resources = JSON.parse(move(JSON.stringify(scenario.resources))) as ScenarioResource[];
  return { resources, placed: { scenario: id, app: move(scenario.target.app), findings: scenario.expect.findings } };
}

const LAYOUT: readonly [string, string, string][] = [
  ['policy-based-gateway', SUB_A, 'a1'],
  ['pool-not-rfc1918', SUB_A, 'a2'],
  ['linux-app', SUB_A, 'a3'],
  ['ikev2-only', SUB_B, 'b1'],
  ['classic-vnet', SUB_B, 'b2'],
  ['regional-integration', SUB_B, 'b3'],
  ['healthy', SUB_C, 'c1'],
];

/** Scenarios whose app has a gateway-required connection (a scan row each). */
export const GATEWAY_REQUIRED = ['policy-based-gateway', 'pool-not-rfc1918', 'ikev2-only', 'classic-vnet'];

export function tenant(): { scenario: Scenario; placed: Placed[] } {
  const parts = LAYOUT.map(([id, subscription, tag]) => place(id, subscription, tag));
  return {
    scenario: {
      id: 'scan-tenant', title: 'Three subscriptions', summary: 'Scan test tenant.', target: { app: parts[0]!.placed.app },
      resources: parts.flatMap((part) => part.resources), expect: { findings: [] },
    },
    placed: parts.map((part) => part.placed),
  };
}

/** Reading subscription C's plans is forbidden, through Resource Graph's follow-up GETs and through ARM lists alike. */
export const PLANS_FORBIDDEN: Fault[] = [
  { path: `/subscriptions/${SUB_C}/providers/microsoft.web/serverfarms`, status: 403 },
  { path: `/subscriptions/${SUB_C}/resourcegroups/rg-c1-web/providers/microsoft.web/serverfarms/`, status: 403 },
];

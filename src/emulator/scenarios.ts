/**
 * Demo and test scenarios: `scenarios/<id>.json` holds the ARM resources of one situation in
 * the REST API's payload shapes, the app to target, and what vnet-doctor should conclude.
 * The texts come from shipped-scenarios.ts (read from disk in a checkout, embedded in the bundle).
 */
import { shippedScenarioIds, shippedScenarioText } from './shipped-scenarios.ts';

export interface ScenarioResource {
  readonly id: string;
  readonly [field: string]: unknown;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly target: { readonly app: string };
  /**
   * The day (YYYY-MM-DD) the scenario is set on: a demo uses it as `session.today`, so its dates
   * (certificate expiry, retirement) show what the scenario promises whatever day it runs.
   */
  readonly today?: string;
  /** Every resource, addressed by its `id` (child collections are listed from these). */
  readonly resources: readonly ScenarioResource[];
  readonly expect: {
    readonly findings: readonly string[];
    /** Fact values the scenario must produce (null = unknown). */
    readonly facts?: Readonly<Record<string, unknown>>;
  };
}

export class ScenarioError extends Error {}

export function loadScenario(id: string): Scenario {
  const ids = shippedScenarioIds();
  if (!ids.includes(id)) throw new ScenarioError(`unknown demo scenario "${id}"; choose one of: ${ids.join(', ')}`);
  const { path, text } = shippedScenarioText(id);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${path}: ${(error as Error).message}`);
  }
  return checkScenario(path, id, data);
}

function checkScenario(path: string, id: string, data: unknown): Scenario {
  const s = data as Partial<Scenario>;
  const problem = (what: string) => new ScenarioError(`${path}: ${what}`);
  if (typeof s !== 'object' || s === null) throw problem('not a JSON object');
  if (s.id !== id) throw problem(`"id" must be "${id}" (the file name)`);
  if (typeof s.title !== 'string' || typeof s.summary !== 'string') throw problem('"title" and "summary" must be strings');
  if (typeof s.target?.app !== 'string') throw problem('"target.app" must be the app resource id');
  if (s.today !== undefined && (typeof s.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.today) || Number.isNaN(Date.parse(s.today)))) throw problem('"today" must be a date like 2026-06-01');
  if (!Array.isArray(s.resources) || s.resources.some((r) => typeof r?.id !== 'string')) throw problem('"resources" must be a list of resources with an "id"');
  if (!Array.isArray(s.expect?.findings)) throw problem('"expect.findings" must be a list of finding ids');
  return s as Scenario;
}

export function listScenarios(): { id: string; title: string; summary: string }[] {
  return shippedScenarioIds().map((id) => {
    const { title, summary } = loadScenario(id);
    return { id, title, summary };
  });
}

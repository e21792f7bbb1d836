/**
 * The demo scenarios' JSON texts. In a source checkout this module reads scenarios/*.json; the
 * bundle replaces it with the same texts embedded at build time (scripts/embed-shipped-data.mjs),
 * so the published package ships no scenario files. scenarios.ts parses and checks them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ScenarioText {
  /** Where the text came from, for error messages. */
  readonly path: string;
  readonly text: string;
}

const dir = () => fileURLToPath(new URL('../../scenarios', import.meta.url));

export function shippedScenarioIds(): string[] {
  return readdirSync(dir()).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
}

/** The text of one scenario; `id` must be one of shippedScenarioIds(). */
export function shippedScenarioText(id: string): ScenarioText {
  const path = join(dir(), `${id}.json`);
  return { path, text: readFileSync(path, 'utf8') };
}

/**
 * Flow test files (`flows/*.test.yaml`): cases a support engineer writes without code. Each case
 * states facts and answers exactly as an answers file does, and what the flows must conclude:
 *
 *   nsg blocks the pool:              # the case's name
 *     today: 2026-06-01               # session.today (default DEFAULT_CASE_DAY)
 *     flow: triage                    # the flow to walk (default: every flow, as check does)
 *     answers:
 *       triage/ask-symptom: reach-vnet
 *     facts:
 *       gateway.sku: VpnGw1
 *     findings: [nsg-blocks-pool]     # exactly these finding ids, in any order
 *     commands:                       # each text appears in some finding's command
 *       - az network nsg rule create
 *     open: [dns/ask-servers]         # optional: exactly these questions stay open
 *
 * Every id and value is checked against the flows like an answers file; problems carry the file
 * and line, and nothing runs until all are fixed.
 */
import { validateAnswerValue } from '../engine/answer-types.ts';
import type { Diagnostic } from '../engine/diagnostic.ts';
import { parseYaml } from '../engine/parse-yaml.ts';
import type { FlowSet } from '../engine/types.ts';
import { readSections, type Answers } from './answers-file.ts';

/** The day a case runs on unless it says `today:` (findings that count days are then stable). */
export const DEFAULT_CASE_DAY = '2026-12-06';
/** More cases than one file needs; a hostile file is refused before it costs minutes. */
export const MAX_CASES_PER_FILE = 500;

export interface FlowCase {
  readonly file: string;
  readonly name: string;
  readonly line?: number;
  readonly today: string;
  readonly flow?: string;
  readonly inputs: Answers;
  readonly findings: readonly string[];
  readonly commands: readonly string[];
  readonly open?: readonly string[];
}

const KEYS = ['today', 'flow', 'answers', 'facts', 'findings', 'commands', 'open'];

/** Checks a flow test file against the flows; returns its cases or every problem found. */
export function parseFlowCases(file: string, text: string, flowSet: FlowSet): { cases?: FlowCase[]; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text, { maxEntries: MAX_CASES_PER_FILE * 20, entriesName: 'cases, answers, facts and list items' });
  if (parsed.errors.length > 0) return { diagnostics: [...parsed.errors] };
  const at = (path: string | undefined, message: string): Diagnostic => {
    const line = path === undefined ? undefined : parsed.lines.get(path);
    return { file, ...(line === undefined ? {} : { line }), message };
  };
  const root = parsed.value;
  if (!isMapping(root) || Object.keys(root).length === 0) return { diagnostics: [at(undefined, 'a flow test file is a mapping of case names to cases (see docs/flow-format.md)')] };
  const names = Object.keys(root);
  if (names.length > MAX_CASES_PER_FILE) return { diagnostics: [at(undefined, `holds ${names.length} cases; at most ${MAX_CASES_PER_FILE} are read`)] };
  const diagnostics: Diagnostic[] = [];
  const cases: FlowCase[] = [];
  for (const name of names) {
    const body = root[name];
    const caseAt = (path: string | undefined, message: string) => at(path === undefined ? name : `${name}.${path}`, `case "${name}": ${message}`);
    if (!isMapping(body)) {
      diagnostics.push(caseAt(undefined, 'expected a mapping with answers, facts and findings'));
      continue;
    }
    for (const key of Object.keys(body)) if (!KEYS.includes(key)) diagnostics.push(caseAt(key, `unknown key "${key}" (a case has ${KEYS.join(', ')})`));
    const today = body.today === undefined ? DEFAULT_CASE_DAY : validateAnswerValue('date', body.today);
    if (typeof today !== 'string' && !today.ok) diagnostics.push(caseAt('today', `today: ${today.reason}`));
    if (body.flow !== undefined && (typeof body.flow !== 'string' || !Object.hasOwn(flowSet.flows, body.flow))) diagnostics.push(caseAt('flow', `flow: no flow "${String(body.flow)}" (run "vnet-doctor flows list")`));
    const inputs = readSections(body, flowSet, {
      at: (path, message) => caseAt(path, message),
      detail: (path) => `flow test ${name}${parsed.lines.has(`${name}.${path}`) ? ` line ${parsed.lines.get(`${name}.${path}`)}` : ''}`,
    }, diagnostics);
    const findings = textList(body.findings, 'findings', caseAt, diagnostics, true);
    for (const id of findings) if (!Object.hasOwn(flowSet.findings, id)) diagnostics.push(caseAt('findings', `findings: no finding "${id}" in the catalogue`));
    const open = body.open === undefined ? undefined : textList(body.open, 'open', caseAt, diagnostics, false);
    cases.push({
      file, name, ...(parsed.lines.has(name) ? { line: parsed.lines.get(name)! } : {}),
      today: typeof today === 'string' ? today : today.ok ? String(today.value) : DEFAULT_CASE_DAY,
      ...(typeof body.flow === 'string' ? { flow: body.flow } : {}),
      inputs, findings, commands: textList(body.commands, 'commands', caseAt, diagnostics, false), ...(open ? { open } : {}),
    });
  }
  return diagnostics.length > 0 ? { diagnostics } : { cases, diagnostics };
}

function textList(value: unknown, key: string, at: (path: string | undefined, message: string) => Diagnostic, diagnostics: Diagnostic[], required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (value === null || value === undefined) {
    if (required) diagnostics.push(at(key, `${key}: required (a list of finding ids; [] when the flows must find nothing)`));
    return [];
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    diagnostics.push(at(key, `${key}: expected a list of texts`));
    return [];
  }
  return value as string[];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

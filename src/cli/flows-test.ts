/**
 * `vnet-doctor flows test [dir]`: runs the cases of the flow test files (`*.test.yaml` beside the
 * flows; format in src/answers/flow-cases.ts) the way `check --offline --answers` runs an
 * answers file: every flow (or the case's flow) walked with the case's facts and answers on the
 * case's day, then the findings, their commands and the open questions compared with the case.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlowCases, type FlowCase } from '../answers/flow-cases.ts';
import { walkFlows } from '../answers/walk-flows.ts';
import type { Diagnostic } from '../engine/diagnostic.ts';
import type { Engine } from '../engine/engine.ts';
import type { Facts } from '../engine/types.ts';
import { buildReport } from '../report/build-report.ts';
import { targetArgs } from '../session/target-args.ts';
import { readRegularFile } from '../fs/read-bounded.ts';
import { MAX_FILE_BYTES } from '../engine/parse-yaml.ts';
import { VERSION } from '../version.ts';

export interface CaseResult {
  readonly flowCase: FlowCase;
  /** What differs from the case, one line each; empty when the case passes. */
  readonly problems: readonly string[];
}

/** The flow test files of a flow directory, read and checked; diagnostics name file and line. */
export function readFlowCases(dir: string, engine: Engine, shown: (path: string) => string): { cases: FlowCase[]; diagnostics: Diagnostic[] } {
  const cases: FlowCase[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.test.yaml')).sort()) {
    const path = join(dir, name);
    const parsed = parseFlowCases(shown(path), readRegularFile(path, MAX_FILE_BYTES), engine.flowSet);
    cases.push(...(parsed.cases ?? []));
    diagnostics.push(...parsed.diagnostics);
  }
  return { cases, diagnostics };
}

export function runFlowCase(engine: Engine, flowCase: FlowCase): CaseResult {
  const facts: Facts = {
    ...flowCase.inputs.facts,
    'session.today': { value: flowCase.today, source: 'derived', detail: "the flow test's day" },
    'session.targetArgs': { value: targetArgs({ mode: 'offline' }), source: 'derived', detail: 'the target of this session' },
  };
  const walked = walkFlows(engine, facts, flowCase.inputs.answers, {
    presetAnswerDetails: flowCase.inputs.answerDetails, ...(flowCase.flow === undefined ? {} : { flow: flowCase.flow }),
  });
  const report = buildReport({ engine, sessions: walked.sessions, target: { mode: 'offline' }, now: new Date(`${flowCase.today}T12:00:00Z`), version: VERSION });
  const problems: string[] = walked.failures.map((failure) => `flow ${failure.flow} could not be walked: ${failure.reason}`);
  const found = report.findings.map((finding) => finding.id);
  const missing = flowCase.findings.filter((id) => !found.includes(id));
  const extra = found.filter((id) => !flowCase.findings.includes(id));
  if (missing.length > 0) problems.push(`expected findings not found: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`findings the case does not expect: ${extra.join(', ')}`);
  const commands = report.findings.flatMap((finding) => finding.steps.flatMap((step) => (step.command === undefined ? [] : [step.command])));
  for (const text of flowCase.commands) if (!commands.some((command) => command.includes(text))) problems.push(`no command contains "${text}"`);
  if (flowCase.open !== undefined) {
    const open = report.openQuestions.map((question) => question.question);
    const notOpen = flowCase.open.filter((id) => !open.includes(id));
    const alsoOpen = open.filter((id) => !flowCase.open!.includes(id));
    if (notOpen.length > 0) problems.push(`expected open questions that were answered or never reached: ${notOpen.join(', ')}`);
    if (alsoOpen.length > 0) problems.push(`questions left open that the case does not expect: ${alsoOpen.join(', ')}`);
  }
  return { flowCase, problems };
}

/**
 * Turns finished (or interrupted) engine sessions into the report model. Pure: the same
 * sessions and `now` always give the same report. The wizard passes one session, batch mode
 * one per flow; findings and facts seen by several sessions appear once (first one wins).
 */
import type { Engine, EngineState } from '../engine/engine.ts';
import { placeholders } from '../engine/template.ts';
import type { Severity } from '../engine/types.ts';
import { RETIREMENT_DATE } from '../facts/limits.ts';
import { daysUntilRetirement } from '../facts/derived.ts';
import { PATH_FACTS } from './traffic-path.ts';
import { orderFindings } from './finding-order.ts';
import { reportVerdict } from './verdict.ts';
import {
  REPORT_SCHEMA_VERSION,
  type Report, type ReportError, type ReportFact, type ReportFinding, type ReportOpenQuestion, type ReportPathEntry, type ReportTarget,
} from './report-model.ts';

export interface ReportInput {
  /** The flows and derivations the sessions ran on. */
  readonly engine: Engine;
  /** One for the wizard, one per flow for batch. */
  readonly sessions: readonly EngineState[];
  readonly target: ReportTarget;
  /** Calls or facts that could not be read (e.g. ARM 403), beyond what the facts themselves say. */
  readonly errors?: readonly ReportError[];
  /** The user stopped the session (Ctrl-C) before it ended. */
  readonly interrupted?: boolean;
  readonly now: Date;
  readonly version: string;
}

export function buildReport(input: ReportInput): Report {
  const { engine, sessions } = input;
  const findings = collectFindings(sessions);
  const openQuestions = collectOpenQuestions(engine, sessions);
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const retirement = retirementNotice(engine, sessions, input.now);
  const status = input.interrupted || openQuestions.length > 0 ? 'partial' : 'complete';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'vnet-doctor', version: input.version },
    generatedAt: input.now.toISOString(),
    target: input.target,
    status,
    interrupted: input.interrupted === true,
    summary: {
      errors: count('error'), warnings: count('warning'), infos: count('info'), flows: walkedFlows(sessions),
      verdict: reportVerdict({ summary: { errors: count('error'), warnings: count('warning'), infos: count('info') }, status, interrupted: input.interrupted === true, openQuestions }),
    },
    findings,
    facts: collectFacts(engine, sessions),
    path: collectPath(sessions),
    openQuestions,
    unknowns: collectUnknowns(sessions),
    errors: collectErrors(sessions, input.errors ?? []),
    ...(retirement ? { retirement } : {}),
    redacted: false,
  };
}

/** De-duplicated by id, in the order of finding-order.ts: severity, then the symptom's cause before general notices. */
function collectFindings(sessions: readonly EngineState[]): ReportFinding[] {
  const byId = new Map<string, ReportFinding>();
  for (const session of sessions) {
    for (const finding of session.findings) {
      if (byId.has(finding.id)) continue;
      byId.set(finding.id, {
        id: finding.id, severity: finding.severity, title: finding.title, explanation: finding.explanation, flow: finding.flow,
        steps: finding.steps.map((step) => ({
          kind: step.kind, text: step.text,
          ...(step.command === undefined ? {} : { command: step.command }),
          ...(step.blanks === undefined || step.blanks.length === 0 ? {} : { blanks: step.blanks }),
        })),
      });
    }
  }
  return orderFindings([...byId.values()]);
}

/**
 * Every fact a session read, plus every fact an answer gave and those the traffic path draws, with
 * its current value and origin.
 * When the user overrode a known value, `overridden` keeps what the original source said.
 */
function collectFacts(engine: Engine, sessions: readonly EngineState[]): ReportFact[] {
  const facts = new Map<string, ReportFact>();
  for (const session of sessions) {
    const keys = [...session.factsUsed, ...Object.keys(session.answerFacts), ...templateFacts(engine, session), ...PATH_FACTS];
    for (const key of keys) {
      // Limits are the tool's own constants, not facts about this customer.
      if (facts.has(key) || engine.flowSet.facts[key]?.source === 'constant') continue;
      const resolved = engine.resolveFact(session, key);
      if (!resolved) continue;
      const original = Object.hasOwn(session.facts, key) ? session.facts[key] : undefined;
      const overridden = session.overrides.includes(key) && original && original.value !== null
        ? { value: original.value, source: original.source, ...(original.detail === undefined ? {} : { detail: original.detail }) }
        : undefined;
      facts.set(key, {
        key, value: resolved.value, source: resolved.source,
        ...(resolved.detail === undefined ? {} : { detail: resolved.detail }),
        ...(overridden ? { overridden } : {}),
      });
    }
  }
  return [...facts.values()];
}

/** Facts filled into the texts and steps the session showed (e.g. the gateway name in a command). */
function templateFacts(engine: Engine, session: EngineState): string[] {
  const nodes = [
    ...session.path.map((entry) => ({ flow: entry.flow, node: entry.node })),
    ...(session.current ? [session.current] : []),
  ];
  return nodes.flatMap(({ flow, node }) => {
    const definition = engine.flowSet.flows[flow]?.nodes[node];
    if (!definition) return [];
    const texts = definition.kind === 'question' ? [definition.text]
      : definition.kind === 'finding' ? [definition.title ?? '', definition.explanation, ...definition.steps.flatMap((step) => [step.text, step.command ?? ''])]
        : [];
    return texts.flatMap((text) => placeholders(text).map((placeholder) => placeholder.key));
  });
}

function collectPath(sessions: readonly EngineState[]): ReportPathEntry[] {
  return sessions.flatMap((session) => session.path.flatMap((entry): ReportPathEntry[] => {
    if (entry.kind !== 'question' || entry.question === undefined) return [];
    const auto = entry.auto
      ? { source: entry.auto.source, ...(entry.auto.detail === undefined ? {} : { detail: entry.auto.detail }), ...(entry.auto.fact === undefined ? {} : { fact: entry.auto.fact }) }
      : undefined;
    return [{
      flow: entry.flow, question: entry.question, text: entry.text ?? '', answer: entry.answer ?? null,
      ...(entry.answerLabel === undefined ? {} : { answerLabel: entry.answerLabel }), ...(auto ? { auto } : {}),
    }];
  }));
}

/** Questions the flows stopped on, plus the question a session was still waiting for. */
function collectOpenQuestions(engine: Engine, sessions: readonly EngineState[]): ReportOpenQuestion[] {
  const open: ReportOpenQuestion[] = [];
  const seen = new Set<string>();
  const add = (question: ReportOpenQuestion) => {
    if (seen.has(question.question)) return;
    seen.add(question.question);
    open.push(question);
  };
  for (const session of sessions) {
    session.openQuestions.forEach((question) => add({ question: question.question, text: question.text, flow: question.flow }));
    const pending = engine.currentQuestion(session);
    if (pending) add({ question: pending.id, text: pending.text, flow: pending.flow });
  }
  return open;
}

function collectUnknowns(sessions: readonly EngineState[]): ReportOpenQuestion[] {
  const seen = new Set<string>();
  return sessions.flatMap((session) => session.path.flatMap((entry) => {
    if (entry.kind !== 'question' || entry.question === undefined || entry.answer !== null || seen.has(entry.question)) return [];
    seen.add(entry.question);
    return [{ question: entry.question, text: entry.text ?? '', flow: entry.flow }];
  }));
}

/** The caller's errors first, then facts handed over as unreadable (value null with a reason). */
function collectErrors(sessions: readonly EngineState[], given: readonly ReportError[]): ReportError[] {
  const errors: ReportError[] = given.map((error) => ({ facts: [...error.facts], reason: error.reason, ...(error.source === undefined ? {} : { source: error.source }) }));
  const named = new Set(given.flatMap((error) => error.facts));
  for (const session of sessions) {
    for (const [key, fact] of Object.entries(session.facts)) {
      if (fact.value !== null || fact.reason === undefined || named.has(key)) continue;
      named.add(key);
      errors.push({ facts: [key], reason: fact.reason, ...(fact.detail === undefined ? {} : { source: fact.detail }) });
    }
  }
  return errors;
}

/**
 * Shown unless a session knows the app uses another kind of integration: when the type is
 * unknown the notice may apply, and missing it costs more than reading it.
 */
function retirementNotice(engine: Engine, sessions: readonly EngineState[], now: Date): Report['retirement'] {
  const types = sessions.map((session) => engine.resolveFact(session, 'app.integrationType')?.value).filter((value) => value !== undefined);
  const type = types[0];
  if (type !== undefined && type !== 'gateway-required') return undefined;
  const today = sessions.map((session) => engine.resolveFact(session, 'session.today')?.value).find((value) => typeof value === 'string');
  const asOf = typeof today === 'string' && !Number.isNaN(Date.parse(today)) ? new Date(Date.parse(today)).toISOString().slice(0, 10) : now.toISOString().slice(0, 10);
  return { date: RETIREMENT_DATE, daysLeft: daysUntilRetirement(asOf) ?? 0, asOf };
}

function walkedFlows(sessions: readonly EngineState[]): string[] {
  return [...new Set(sessions.flatMap((session) => [...session.path.map((entry) => entry.flow), ...(session.current ? [session.current.flow] : [])]))];
}

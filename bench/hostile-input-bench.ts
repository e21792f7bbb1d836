/**
 * How long hostile input takes, run in a fresh process by bench/hostile-input.mjs. The tests
 * (test/hardening/hostile-input.test.ts) check what happens to such input; the time it takes is
 * a figure here, because a busy machine makes any limit in a test flaky. Prints one JSON line.
 *
 *   node --import tsx bench/hostile-input-bench.ts
 */
import { parseAnswers } from '../src/answers/answers-file.ts';
import { validateAnswer } from '../src/engine/answer-types.ts';
import { buildFlowSet } from '../src/engine/load.ts';
import { safeText } from '../src/text/safe-text.ts';
import { MINI_FACTS, MINI_FINDINGS, miniFlowSet } from '../test/support/mini-flows.ts';
import { explore } from '../test/flows/explore.ts';
import { flowSet as shippedFlowSet, SITUATIONS } from '../test/flows/shipped.ts';

const MB = 1024 * 1024;
const flows = miniFlowSet();

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Nine levels of ten references each: 10^9 strings if expanded. */
function billionLaughs(root: string): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 9; level += 1) lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
  lines.push(`${root}: *a9`);
  return lines.join('\n');
}

const escapes = (megabytes: number) => '\u001b[2J'.repeat((megabytes * MB) / 4);
const ANSWER_TYPES = ['ip', 'cidr', 'cidr-list', 'hostname', 'host-port', 'port', 'number', 'text', 'yes-no'] as const;
const big = escapes(10);

const figures = {
  safeText1MbMs: timed(() => safeText(escapes(1))),
  safeText10MbMs: timed(() => safeText(big)),
  validate10MbMs: Math.max(...ANSWER_TYPES.map((type) => timed(() => validateAnswer(type, big)))),
  answersAliasBombMs: timed(() => parseAnswers('bomb.yaml', billionLaughs('answers'), flows)),
  flowAliasBombMs: timed(() => buildFlowSet({
    flows: [{ path: 'triage.yaml', text: billionLaughs('nodes') }],
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  })),
  answers10MbMs: timed(() => parseAnswers('huge.yaml', `facts:\n  target.host: ${'a'.repeat(10 * MB)}\n`, flows)),
  // Issue 11, items 11-12: refused before the YAML parser (which took 401 s on 60,000 keys).
  answers60kKeysMs: timed(() => parseAnswers('keys.yaml', `answers:\n${'  x/k: 1\n'.repeat(60_000)}`, flows)),
  flow10kNodesMs: timed(() => buildFlowSet({
    flows: [{ path: 'big.yaml', text: `id: big\nnodes:\n${Array.from({ length: 10_000 }, (_, i) => `  c${i}: {kind: check, when: {fact: x, eq: 1}, then: c${i + 1}, else: e}\n`).join('')}` }],
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  })),
  deepBlockNestingMs: timed(() => parseAnswers('deep.yaml', `answers: ${'- '.repeat(200_000)}x\n`, flows)),
  // Not hostile, but the other figure a test used to limit (test/flows/every-path.test.ts, 5 s).
  everyPathMs: timed(() => {
    for (const facts of Object.values(SITUATIONS)) for (const flow of Object.keys(shippedFlowSet.flows)) explore(shippedFlowSet, flow, facts);
  }),
};
process.stdout.write(`${JSON.stringify(figures)}\n`);

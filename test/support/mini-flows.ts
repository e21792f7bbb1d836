/** A small, hand-made flow set for engine tests: independent of the shipped flows' wording. */
import { buildFlowSet } from '../../src/engine/load.ts';
import type { FlowSet } from '../../src/engine/types.ts';

export const MINI_FACTS = `
facts:
  app.isLinux: { type: yes-no, label: whether the app runs on Linux }
  p2s.addressPool: { type: cidr-list, label: point-to-site address pool }
  target.host: { type: hostname, label: target host }
  target.port: { type: port, label: target port }
  plan.tier: { type: choice, values: [Free, Basic, Standard], label: plan tier }
`;

export const MINI_FINDINGS = `
findings:
  app-is-linux: { severity: error, title: Linux }
  p2s-range-not-rfc1918: { severity: error, title: Not RFC 1918 }
  tcp-timeout-firewall: { severity: error, title: Timeout }
  plan-tier-unsupported: { severity: error, title: Tier }
`;

export const MINI_TRIAGE = `
id: triage
title: Triage
summary: Test entry flow.
entry: eligibility
nodes:
  eligibility:
    kind: goto
    flow: eligible
    then: ask-target
  ask-target:
    kind: question
    text: Which host and port?
    answer: host-port
    fact: target
    next: ask-pool
  ask-pool:
    kind: question
    text: What is the P2S pool?
    answer: cidr-list
    fact: p2s.addressPool
    next: check-pool
    unknown: ask-timeout
  check-pool:
    kind: check
    when: { fact: p2s.addressPool, rfc1918: true }
    then: ask-timeout
    else: pool-bad
    unknown: ask-timeout
  pool-bad:
    kind: finding
    finding: p2s-range-not-rfc1918
    title: Pool {{p2s.addressPool | list}} is outside RFC 1918
    explanation: Pick a private range.
    steps:
      - { kind: manual, text: "Change the pool {{p2s.addressPool}}" }
  ask-timeout:
    kind: question
    text: Does tcpping {{target.host}}:{{target.port}} time out?
    answer: yes-no
    yes: timeout
    no: fine
  timeout:
    kind: finding
    finding: tcp-timeout-firewall
    explanation: Something drops packets.
    steps:
      - { kind: kudu, text: Test from Kudu, command: "tcpping {{target.host}}:{{target.port}}" }
    next: fine
  fine:
    kind: end
    outcome: resolved
`;

export const MINI_ELIGIBLE = `
id: eligible
title: Eligibility
summary: Test sub-flow.
entry: ask-linux
nodes:
  ask-linux:
    kind: question
    text: Is the app on Linux?
    answer: yes-no
    fact: app.isLinux
    yes: linux
    no: ask-tier
  linux:
    kind: finding
    finding: app-is-linux
    explanation: Not supported.
    steps: [{ kind: manual, text: Use regional integration. }]
  ask-tier:
    kind: question
    text: Tier?
    answer: choice
    fact: plan.tier
    options:
      - { value: Free, label: Free, next: tier-bad }
      - { value: Basic, label: Basic, next: ok }
      - { value: Standard, label: Standard, next: ok }
    unknown: ok
  tier-bad:
    kind: finding
    finding: plan-tier-unsupported
    explanation: Upgrade.
    steps: [{ kind: portal, text: Scale up, command: "App Service plan > Scale up" }]
  ok:
    kind: end
    outcome: pass
`;

export function miniFlowSet(extra: Record<string, string> = {}): FlowSet {
  const flows = { 'triage.yaml': MINI_TRIAGE, 'eligible.yaml': MINI_ELIGIBLE, ...extra };
  const { flowSet, diagnostics } = buildFlowSet({
    flows: Object.entries(flows).map(([path, text]) => ({ path, text })),
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  if (!flowSet) throw new Error(diagnostics.map((d) => `${d.file}:${d.line} ${d.node ?? ''} ${d.message}`).join('\n'));
  return flowSet;
}

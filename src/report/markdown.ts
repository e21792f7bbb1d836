/**
 * The Markdown export, written to be pasted into a support case: it reads as plain text and
 * renders cleanly. Commands sit alone in fenced blocks so they copy without stray characters;
 * every outside value is escaped (markdown-text.ts) and the whole text passes maskSecrets.
 */
import type { FactSource } from '../engine/types.ts';
import type { Report, ReportFact, ReportFinding, ReportPathEntry } from './report-model.ts';
import { code, describeValue, fenced, FENCE_LANGUAGE, inline, paragraph } from './markdown-text.ts';
import { maskSecrets } from '../text/secrets.ts';
import { reportVerdict } from './verdict.ts';
import { pathLine, pathMermaid, trafficPath } from './traffic-path.ts';

const MODE_WORDS: Readonly<Record<Report['target']['mode'], string>> = {
  arm: 'read from Azure Resource Manager',
  offline: 'given as answers (offline)',
  demo: 'from a demo scenario',
};

const SOURCE_WORDS: Readonly<Record<FactSource, string>> = {
  arm: 'ARM',
  answer: 'answer',
  derived: 'derived',
  probe: 'probe',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function toMarkdown(report: Report): string {
  const sections = [
    header(report),
    retirement(report),
    trafficPathSection(report),
    findings(report),
    facts(report),
    path(report),
    undetermined(report),
  ].filter((section) => section !== '');
  return maskSecrets(`${sections.join('\n\n')}\n`);
}

/** The traffic's path as the session knows it: one line, and a Mermaid diagram with the blocking hop in red. */
function trafficPathSection(report: Report): string {
  const facts = new Map(report.facts.map((fact) => [fact.key, fact.value]));
  const path = trafficPath({
    fact: (key) => facts.get(key),
    findings: report.findings,
    answer: (question) => report.path.find((entry) => entry.question === question)?.answer,
  });
  if (!path) return '';
  return ['## Traffic path', '', inline(pathLine(path).replace(/^Path: /, '')), '', fenced(pathMermaid(path), 'mermaid')].join('\n');
}

function targetName(report: Report): string {
  const { target } = report;
  return target.appName ?? target.appId ?? (target.scenario ? `demo scenario ${target.scenario}` : 'no app selected');
}

function header(report: Report): string {
  const date = report.generatedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const lines = [
    `# vnet-doctor report: ${inline(targetName(report))}, ${inline(report.generatedAt.slice(0, 10))}`,
    '',
    `Generated ${inline(date)} by vnet-doctor ${inline(report.tool.version)}; facts ${MODE_WORDS[report.target.mode]}.`,
  ];
  if (report.target.appId && report.target.appName) lines.push(`App: ${code(report.target.appId)}`);
  if (report.redacted) {
    lines.push('', '> **Redacted report.** Subscription and tenant ids, resource and host names, e-mail addresses and public IP addresses are replaced by placeholders such as `rg-1` or `host-1`; private (RFC 1918) ranges, regions and ports are unchanged.');
  }
  lines.push('', `**Summary:** ${reportVerdict(report)}`);
  return lines.join('\n');
}

function retirement(report: Report): string {
  const notice = report.retirement;
  if (!notice) return '';
  // A demo counts from the day its scenario is set on, not from the day the report is written: say which day.
  const sameDay = notice.asOf === undefined || notice.asOf === report.generatedAt.slice(0, 10);
  const from = sameDay ? 'this report' : `${notice.asOf}, the day this session is set on`;
  const when = notice.daysLeft > 0
    ? `will be retired on ${notice.date}, ${plural(notice.daysLeft, 'day')} after ${from}`
    : notice.daysLeft === 0 ? `is retired on ${notice.date}, ${sameDay ? 'today' : `the day this session is set on`}` : `was retired on ${notice.date}, ${plural(-notice.daysLeft, 'day')} before ${from}`;
  return [
    '## Retirement notice',
    '',
    `Gateway-required VNet integration ${when}. Microsoft recommends regional VNet integration instead: plan the move now. It needs an empty subnet in the VNet rather than a VPN gateway.`,
  ].join('\n');
}

function findings(report: Report): string {
  if (report.findings.length === 0) return '## Findings\n\nNo problems were found on the path walked.';
  return ['## Findings', ...report.findings.map(finding)].join('\n\n');
}

function finding(item: ReportFinding, index: number): string {
  const parts = [
    `### ${index + 1}. ${item.severity.toUpperCase()}: ${inline(item.title)}`,
    `Finding ${code(item.id)}, flow ${code(item.flow)}.`,
    paragraph(item.explanation),
  ];
  if (item.steps.length > 0) {
    parts.push('Next steps:');
    item.steps.forEach((step, stepIndex) => {
      parts.push(`${stepIndex + 1}. ${inline(step.text)}`);
      // A template is said to be one, with its blanks, before the block: nobody pastes it as it stands.
      if (step.blanks !== undefined && step.blanks.length > 0) parts.push(`Template, fill in: ${step.blanks.map(inline).join('; ')}.`);
      if (step.command !== undefined) parts.push(fenced(step.command, FENCE_LANGUAGE[step.kind]));
    });
  }
  return parts.join('\n\n');
}

function provenance(source: FactSource, detail: string | undefined): string {
  return detail === undefined ? SOURCE_WORDS[source] : `${SOURCE_WORDS[source]}: ${detail}`;
}

function factRow(fact: ReportFact): string {
  let origin = inline(provenance(fact.source, fact.detail));
  if (fact.overridden) {
    const before = fact.overridden;
    origin += `; replaces the ${SOURCE_WORDS[before.source]} value ${inline(describeValue(before.value))}${before.detail === undefined ? '' : ` (${inline(before.detail)})`}`;
  }
  return `| ${code(fact.key)} | ${inline(describeValue(fact.value))} | ${origin} |`;
}

function facts(report: Report): string {
  if (report.facts.length === 0) return '## Facts\n\nNo facts were used.';
  return ['## Facts', '', '| Fact | Value | Source |', '| --- | --- | --- |', ...report.facts.map(factRow)].join('\n');
}

function pathEntry(entry: ReportPathEntry, index: number): string {
  // The label the engineer chose, not the option's internal id.
  const answer = entry.answer === null ? "don't know" : entry.answerLabel ?? describeValue(entry.answer);
  const origin = entry.auto ? ` (automatic, ${inline(provenance(entry.auto.source, entry.auto.detail))})` : '';
  return `${index + 1}. ${inline(entry.text)} **${inline(answer)}**${origin}`;
}

function path(report: Report): string {
  if (report.path.length === 0) return '## Questions and answers\n\nNo question was answered.';
  return ['## Questions and answers', '', ...report.path.map(pathEntry)].join('\n');
}

function undetermined(report: Report): string {
  const parts = ['## Could not be determined'];
  if (report.openQuestions.length > 0) {
    parts.push('Open questions (the diagnosis stopped here):', report.openQuestions.map((q) => `- ${inline(q.text)} (${code(q.question)})`).join('\n'));
  }
  const unknownOnly = report.unknowns.filter((unknown) => !report.openQuestions.some((open) => open.question === unknown.question));
  if (unknownOnly.length > 0) {
    parts.push('Answered "don\'t know":', unknownOnly.map((q) => `- ${inline(q.text)} (${code(q.question)})`).join('\n'));
  }
  if (report.errors.length > 0) {
    const lines = report.errors.map((error) => {
      const where = error.source === undefined ? '' : ` (${inline(error.source)})`;
      return `- ${error.facts.map(code).join(', ')}: ${inline(error.reason)}${where}`;
    });
    parts.push('Facts that could not be read:', lines.join('\n'));
  }
  if (parts.length === 1) parts.push('Nothing: every question on the path was answered and every fact could be read.');
  return parts.join('\n\n');
}

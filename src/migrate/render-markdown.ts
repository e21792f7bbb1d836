/** The runbook as Markdown, to hand to the customer: pure `(runbook) => string`. */
import { code, fenced, inline, paragraph } from '../report/markdown-text.ts';
import { maskSecrets } from '../text/secrets.ts';
import type { ValuedStep } from './build-runbook.ts';
import { commandFor, runbookBaseName } from './render-steps.ts';
import type { CheckStatus, Runbook } from './runbook-types.ts';

const STATUS_WORDS: Readonly<Record<CheckStatus, string>> = {
  pass: 'pass', fail: '**FAIL**', action: 'this runbook', unknown: 'unknown',
};

export function runbookToMarkdown(runbook: Runbook): string {
  const base = runbookBaseName(runbook);
  const lines: string[] = [
    `# ${inline(runbook.title)}`,
    '',
    `Written by vnet-doctor ${inline(runbook.version)} on ${inline(runbook.today)} from ${inline(runbook.origin)}. Scripts with the same steps: ${code(`bash ${base}.sh`)} and ${code(`pwsh ./${base}.ps1`)} only print what they would do; ${code(`bash ${base}.sh --apply`)} or ${code(`pwsh ./${base}.ps1 -Apply`)} makes the changes.`,
    '',
  ];
  if (runbook.blockers.length > 0) {
    lines.push(`> **Not ready:** ${runbook.blockers.map(inline).join('; ')}.`, '');
  }
  let number = 0;
  for (const section of runbook.sections) {
    lines.push(`## ${inline(section.title)}`, '');
    if (section.phase !== 'migrate') lines.push(`Run on its own: ${code(`bash ${base}.sh ${section.phase === 'rollback' ? '--rollback' : '--clean-up'} [--apply]`)} or ${code(`pwsh ./${base}.ps1 ${section.phase === 'rollback' ? '-Rollback' : '-CleanUp'} [-Apply]`)}.`, '');
    for (const note of section.notes) lines.push(paragraph(note), '');
    for (const step of section.steps as readonly ValuedStep[]) {
      number += 1;
      const marker = `${number}. `;
      lines.push(`${marker}${inline(step.text)}`);
      const rendered = commandFor(runbook, step, 'bash');
      // Indented to the item's text, so the block belongs to the list item whatever the number's width.
      const pad = ' '.repeat(marker.length);
      if (rendered) {
        lines.push('', indent(fenced(rendered.command, step.kind === 'az' ? 'bash' : 'text'), pad));
        if (rendered.blanks.length > 0) lines.push('', `${pad}Template, fill in: ${rendered.blanks.map(inline).join('; ')}`);
      }
      lines.push('');
    }
    if (section.id === 'before') {
      lines.push('## Preflight', '', '| Check | Result | Found | From |', '| --- | --- | --- | --- |');
      for (const check of runbook.preflight) lines.push(`| ${inline(check.title)} | ${STATUS_WORDS[check.status]} | ${inline(check.found)} | ${inline(check.provenance)} |`);
      lines.push('');
    }
  }
  lines.push('## What this runbook leaves to a person', '',
    '- choosing the maintenance window and telling the app\'s users;',
    '- firewalls ARM cannot show (on-premises devices, host firewalls, PaaS firewalls) and on-premises routes;',
    '- testing the app itself after the switch (the probes show the network path, not the application);',
    '- the rollback decision, and reconnecting gateway-required integration in the portal;',
    '- deleting the gateway once nothing else uses it.', '', '');
  return maskSecrets(lines.join('\n'));
}

const indent = (block: string, pad: string) => block.split('\n').map((line) => `${pad}${line}`).join('\n');

/**
 * The runbook as a PowerShell script: the same steps as the bash script, each Azure CLI command
 * rendered by the engine for PowerShell (values checked and quoted by PowerShell's rules). Without
 * -Apply it only prints what it would run.
 */
import { quotePowerShell } from '../text/shell-quote.ts';
import type { ValuedStep } from './build-runbook.ts';
import { commandFor } from './render-steps.ts';
import type { Runbook, RunbookPhase } from './runbook-types.ts';

const PHASES: readonly RunbookPhase[] = ['migrate', 'rollback', 'clean-up'];
const FUNCTION: Readonly<Record<RunbookPhase, string>> = { migrate: 'Invoke-Migration', rollback: 'Invoke-Rollback', 'clean-up': 'Invoke-CleanUp' };

/** Text as a PowerShell single-quoted string (nothing expands inside; quotes doubled). */
const say = (text: string) => `'${(quotePowerShell(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '), 'single') ?? '')}'`;

const PRELUDE = `param([switch]$Apply, [switch]$Rollback, [switch]$CleanUp)
if ($Rollback -and $CleanUp) { throw 'Give -Rollback or -CleanUp, not both.' }
$ErrorActionPreference = 'Stop'
function Write-Section([string]$Title) { Write-Host ''; Write-Host "== $Title" }
function Write-Note([string]$Text) { Write-Host $Text }
function Invoke-Step([string]$Display, [scriptblock]$Command) {
  if ($Apply) {
    Write-Host "+ $Display"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "Step failed (exit code $LASTEXITCODE): $Display" }
  } else { Write-Host "would run: $Display" }
}
function Wait-Person([string]$Text) {
  if ($Apply) { Read-Host "YOUR STEP: $Text Press Enter when done (Ctrl-C stops here)" | Out-Null }
  else { Write-Host "would wait for you: $Text" }
}
function Stop-Blank([string]$Blanks, [string]$Display) {
  if ($Apply) { throw "This step still has blanks ($Blanks): fill them in this script first: $Display" }
  else { Write-Host "would run once filled in ($Blanks): $Display" }
}`;

export function runbookToPowerShell(runbook: Runbook): string {
  const out: string[] = [
    `# ${runbook.title.replace(/[\r\n]/g, ' ')}`,
    `# Written by vnet-doctor ${runbook.version} on ${runbook.today} from ${runbook.origin.replace(/[\r\n]/g, ' ')}. The Markdown runbook next to this script explains each step.`,
    '# Dry run by default: prints every command. Run with -Apply to make the changes.',
    '# Phases: the move (default), -Rollback (back to gateway-required), -CleanUp (weeks later).',
    PRELUDE,
  ];
  if (runbook.blockers.length > 0) {
    out.push(`$Blockers = @(${runbook.blockers.map(say).join(', ')})`,
      'foreach ($Blocker in $Blockers) { Write-Warning "Not ready: $Blocker" }',
      'if ($Apply -and -not ($Rollback -or $CleanUp)) { throw \'Resolve these, write the runbook again, then apply it.\' }');
  }
  let number = 0;
  for (const phase of PHASES) {
    out.push('', `function ${FUNCTION[phase]} {`);
    for (const section of runbook.sections.filter((candidate) => candidate.phase === phase)) {
      out.push('', `Write-Section ${say(section.title)}`);
      for (const note of section.notes) out.push(`Write-Note ${say(note)}`);
      for (const step of section.steps as readonly ValuedStep[]) {
        number += 1;
        const label = `${number}. ${step.text}`;
        out.push(`# ${label.replace(/[\r\n]/g, ' ')}`);
        const rendered = commandFor(runbook, step, 'powershell');
        if (step.kind !== 'az' || !rendered) {
          out.push(`Wait-Person ${say(rendered ? `${label} ${step.kind === 'kudu' ? 'In the Kudu console:' : 'In the portal:'} ${rendered.command}` : label)}`);
        } else if (rendered.blanks.length > 0) {
          out.push(`Write-Note ${say(label)}`, `Stop-Blank ${say(rendered.blanks.join('; '))} ${say(rendered.command)}`);
        } else {
          out.push(`Write-Note ${say(label)}`, `Invoke-Step ${say(rendered.command)} { ${rendered.command} }`);
        }
      }
    }
    out.push('}');
  }
  out.push('', `if ($Rollback) { ${FUNCTION.rollback} } elseif ($CleanUp) { ${FUNCTION['clean-up']} } else { ${FUNCTION.migrate} }`);
  out.push('', "if ($Apply) { Write-Host 'Done.' } else { Write-Host 'Done (dry run: nothing was changed).' }", '');
  return out.join('\n');
}

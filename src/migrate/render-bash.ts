/**
 * The runbook as a bash script: the same steps as the Markdown, in order. It only prints what it
 * would do until run with --apply; then it runs each Azure CLI command, stops at every step a
 * person must do until Enter, and refuses to start while the preflight has a failure or a command
 * still has a blank. Every command is the engine's rendering for bash (values checked and quoted).
 */
import { quoteBash } from '../text/shell-quote.ts';
import type { ValuedStep } from './build-runbook.ts';
import { commandFor } from './render-steps.ts';
import type { Runbook, RunbookPhase } from './runbook-types.ts';

const PHASES: readonly RunbookPhase[] = ['migrate', 'rollback', 'clean-up'];

/** One line of text as a bash single-quoted word (control characters were refused upstream; any left become spaces). */
const say = (text: string) => quoteBash(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '), 'bare') ?? "''";
const sayQuoted = (text: string) => { const word = say(text); return word.startsWith("'") ? word : `'${word}'`; };

const PRELUDE = `set -euo pipefail
APPLY=0
PHASE=migrate
for arg in "$@"; do
  case "$arg" in
    --apply) APPLY=1 ;;
    --rollback) PHASE=rollback ;;
    --clean-up) PHASE=clean-up ;;
    *) echo "usage: $0 [--rollback | --clean-up] [--apply]   (without --apply: print what would run)" >&2; exit 2 ;;
  esac
done
section() { printf '\\n== %s\\n' "$1"; }
note() { printf '%s\\n' "$1"; }
run() {
  if [ "$APPLY" = 1 ]; then printf '+'; printf ' %q' "$@"; printf '\\n'; "$@"
  else printf 'would run:'; printf ' %q' "$@"; printf '\\n'; fi
}
person() {
  if [ "$APPLY" = 1 ]; then printf 'YOUR STEP: %s\\n  Press Enter when done (Ctrl-C stops here). ' "$1"; read -r _
  else printf 'would wait for you: %s\\n' "$1"; fi
}
blank() {
  if [ "$APPLY" = 1 ]; then printf 'This step still has blanks (%s): fill them in this script first:\\n  %s\\n' "$1" "$2" >&2; exit 3
  else printf 'would run once filled in (%s): %s\\n' "$1" "$2"; fi
}`;

export function runbookToBash(runbook: Runbook): string {
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# ${runbook.title.replace(/[\r\n]/g, ' ')}`,
    `# Written by vnet-doctor ${runbook.version} on ${runbook.today} from ${runbook.origin.replace(/[\r\n]/g, ' ')}. The Markdown runbook next to this script explains each step.`,
    '# Dry run by default: prints every command. Run with --apply to make the changes.',
    '# Phases: the move (default), --rollback (back to gateway-required), --clean-up (weeks later).',
    PRELUDE,
  ];
  const blanks = scriptBlanks(runbook);
  if (runbook.blockers.length > 0) {
    out.push('BLOCKERS=(', ...runbook.blockers.map((blocker) => `  ${sayQuoted(blocker)}`), ')',
      'printf \'Not ready: %s\\n\' "${BLOCKERS[@]}" >&2',
      'if [ "$APPLY" = 1 ] && [ "$PHASE" = migrate ]; then echo "Resolve these, write the runbook again, then apply it." >&2; exit 3; fi');
  }
  if (blanks > 0) out.push(`note ${sayQuoted(`${blanks} command(s) in this script still have blanks; --apply stops at the first one.`)}`);
  let number = 0;
  for (const phase of PHASES) {
    out.push('', `phase_${phase.replace('-', '_')}() {`);
    for (const section of runbook.sections.filter((candidate) => candidate.phase === phase)) {
      out.push('', `section ${sayQuoted(section.title)}`);
      for (const note of section.notes) out.push(`note ${sayQuoted(note)}`);
      for (const step of section.steps as readonly ValuedStep[]) {
        number += 1;
        const label = `${number}. ${step.text}`;
        out.push(`# ${label.replace(/[\r\n]/g, ' ')}`);
        const rendered = commandFor(runbook, step, 'bash');
        if (step.kind !== 'az' || !rendered) {
          out.push(`person ${sayQuoted(rendered ? `${label} ${step.kind === 'kudu' ? 'In the Kudu console:' : 'In the portal:'} ${rendered.command}` : label)}`);
        } else if (rendered.blanks.length > 0) {
          out.push(`note ${sayQuoted(label)}`, `blank ${sayQuoted(rendered.blanks.join('; '))} ${sayQuoted(rendered.command)}`);
        } else {
          out.push(`note ${sayQuoted(label)}`, `run ${rendered.command}`);
        }
      }
    }
    out.push(':', '}');
  }
  out.push('', 'case "$PHASE" in', '  migrate) phase_migrate ;;', '  rollback) phase_rollback ;;', '  clean-up) phase_clean_up ;;', 'esac');
  out.push('', 'printf \'\\nDone%s.\\n\' "$([ "$APPLY" = 1 ] || printf \' (dry run: nothing was changed)\')"', '');
  return out.join('\n');
}

function scriptBlanks(runbook: Runbook): number {
  return runbook.sections.flatMap((section) => section.steps as readonly ValuedStep[])
    .filter((step) => step.kind === 'az' && (commandFor(runbook, step, 'bash')?.blanks.length ?? 0) > 0).length;
}

/**
 * What a batch run tells about failed ARM reads besides the report. When the target app itself
 * could not be read (ARM unreachable, token refused, no permission on the app), nothing the
 * report would say is about that app: `check` stops with the reason (exit 2). Any other failed
 * read leaves some facts unknown and gets one line each, so it is not hidden in the report.
 */
import type { ReportError, ReportTarget } from './read-outcome.ts';
import { SITE_KEYS } from './arm/fact-groups.ts';

interface Gathered {
  readonly errors: readonly ReportError[];
  readonly target: ReportTarget;
}

/** The reason the app's own resource could not be read from ARM, or undefined when it was read. */
export function targetUnreadable(gathered: Gathered): string | undefined {
  if (gathered.target.mode !== 'arm') return undefined;
  // The read of the site itself is the one that leaves every site fact unknown.
  return gathered.errors.find((error) => SITE_KEYS.every((key) => error.facts.includes(key)))?.reason;
}

/** The lines `check` prints on stderr: the stop message when the app is unreadable, else one line per failed read. */
export function readFailureLines(gathered: Gathered): { fatal: boolean; lines: string[] } {
  const reason = targetUnreadable(gathered);
  if (reason !== undefined) {
    const app = gathered.target.appName ?? gathered.target.appId ?? 'the app';
    return {
      fatal: true,
      lines: [
        `vnet-doctor: cannot read the app ${app} from Azure: ${reason}`,
        'Check the ARM endpoint, the network and your access to the app; without Azure, check works from what you know: --offline --answers FILE.',
      ],
    };
  }
  return { fatal: false, lines: gathered.errors.map((error) => `vnet-doctor: could not read ${error.source}: ${error.reason}`) };
}

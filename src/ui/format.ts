/** Plain-text formatting of answers, fact values and provenance, shared by the screens. */
import type { AutoAnswer, PathEntry } from '../engine/engine.ts';
import type { AnswerValue, FactSource, FlowSet } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';

/** An answer as the user would type it; null is "don't know". Always terminal-safe. */
export function formatAnswer(value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return "don't know";
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return safeText(value.join(', '));
  if (typeof value === 'object') {
    const { host, port } = value as { host: string; port: number };
    return safeText(`${host}:${port}`);
  }
  return safeText(String(value));
}

const SOURCE_WORDS: Readonly<Record<FactSource, string>> = { arm: 'from ARM', answer: 'from your answers', derived: 'worked out', probe: 'from a probe' };

/** "from ARM: gateway gw-hub", "from the answers file". */
export function formatProvenance(auto: AutoAnswer): string {
  const words = auto.detail === 'answers file' ? 'from the answers file' : SOURCE_WORDS[auto.source];
  return auto.detail && auto.detail !== 'answers file' ? `${words}: ${safeText(auto.detail)}` : words;
}

/** What an auto-answered question is called: its fact's catalogue label, else the question text. */
export function autoSubject(entry: PathEntry, flowSet: FlowSet): string {
  const fact = entry.auto?.fact;
  const label = fact !== undefined && Object.hasOwn(flowSet.facts, fact) ? flowSet.facts[fact]!.label : undefined;
  // A question used as a label reads better without its question mark: "Tier: Standard".
  const subject = label ?? (entry.text ?? entry.question ?? '').replace(/\?\s*$/, '');
  return safeText(subject.charAt(0).toUpperCase() + subject.slice(1));
}

/** "P2S address pool: 172.16.200.0/24 (from ARM: gateway gw-hub)". */
export function formatAutoLine(entry: PathEntry, flowSet: FlowSet): string {
  return `${autoSubject(entry, flowSet)}: ${formatAnswer(entry.answer)} (${formatProvenance(entry.auto!)})`;
}

/**
 * Colours, used sparingly and never as the only carrier of meaning (severity is also spelled
 * out), and switched off entirely when NO_COLOR is set (https://no-color.org).
 */
import type { Severity } from '../engine/types.ts';

const colourOff = (): boolean => process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';

/** A colour name for Ink's <Text color>, or undefined when colour is off. */
export function colour(name: string): string | undefined {
  return colourOff() ? undefined : name;
}

export const SEVERITY_COLOUR: Readonly<Record<Severity, string>> = { error: 'red', warning: 'yellow', info: 'cyan' };
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** Finding colours in the flow diagrams: the same three severities as the reports. */
import type { Severity } from '../engine/types.ts';

export const SEVERITY_COLOURS: Readonly<Record<Severity, { readonly fill: string; readonly stroke: string }>> = {
  error: { fill: '#f8d0d0', stroke: '#c62828' },
  warning: { fill: '#fde8c4', stroke: '#ef6c00' },
  info: { fill: '#d4e6fb', stroke: '#1565c0' },
};

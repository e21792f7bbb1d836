/** The probe confirmation waiting for the engineer, if any; re-renders when it comes or goes. */
import { useEffect, useState } from 'react';
import type { ProbeConsent, ProbeRequestShown } from '../session/probe-consent.ts';

export function useProbeConsent(consent: ProbeConsent | undefined): ProbeRequestShown | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => consent?.subscribe(() => setVersion((version) => version + 1)), [consent]);
  return consent?.pending;
}

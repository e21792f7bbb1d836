/**
 * Start-up of an interactive session: claim the saved session file so that two wizards at once
 * cannot overwrite each other's answers. While another wizard runs, a new session is kept in a
 * file of its own and the engineer is told; resuming the session the other wizard holds is refused.
 */
import { hostname } from 'node:os';
import type { LockHolder } from './session-lock.ts';
import type { SessionStore } from './session-store.ts';

export type SessionClaim =
  | { readonly ok: true; readonly store: SessionStore; readonly notice?: string }
  | { readonly ok: false; readonly message: string };

export function claimSession(store: SessionStore, resuming: boolean): SessionClaim {
  const claim = store.acquire();
  if (claim.ok) return held(store);
  const other = describeHolder(claim.heldBy);
  if (resuming) return { ok: false, message: `the saved session is in use by another vnet-doctor wizard (${other}); finish or quit that one first, or start a separate session without --resume` };
  const separate = store.separate();
  if (!separate) return { ok: false, message: `the saved session is in use by another vnet-doctor wizard (${other}), and no separate session file is free in ${store.dir}` };
  return held(separate, `Another vnet-doctor wizard is running (${other}); this session is saved separately as ${separate.file}, so neither overwrites the other.`);
}

/** The claim ends with the process, however it ends; a crash leaves a lock the next start finds stale. */
function held(store: SessionStore, notice?: string): SessionClaim {
  process.once('exit', () => store.release());
  return { ok: true, store, ...(notice === undefined ? {} : { notice }) };
}

/** "process 4242, started 2026-11-25 12:01 UTC" (and the host when it is another one). */
export function describeHolder(holder: LockHolder): string {
  const started = holder.startedAt.replace('T', ' ').slice(0, 16);
  return `process ${holder.pid}, started ${started} UTC${holder.host === hostname() ? '' : ` on ${holder.host}`}`;
}

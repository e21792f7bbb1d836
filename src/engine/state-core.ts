/**
 * The engine works on a `Core`: the session state with its two growing lists (path and inputs)
 * kept as shared Chains. Callers see an EngineState whose `path` and `inputs` are arrays made on
 * first read, so a long walk never copies them while it runs.
 */
import { Chain } from './chain.ts';
import type { EngineState, Input, PathEntry } from './session-types.ts';

/** Every field of the state but the two lists: what reading functions need. */
export type StateView = Omit<EngineState, 'path' | 'inputs'>;

export interface Core extends StateView {
  readonly path: Chain<PathEntry>;
  readonly inputs: Chain<Input>;
}

const CORE = Symbol('vnet-doctor.engine.core');

/** The public state for a core. Spreading it copies plain arrays (and drops the core link). */
export function expose(core: Core): EngineState {
  const { path, inputs, ...rest } = core;
  const state = { ...rest } as EngineState;
  Object.defineProperty(state, 'path', { enumerable: true, get: () => path.toArray() });
  Object.defineProperty(state, 'inputs', { enumerable: true, get: () => inputs.toArray() });
  Object.defineProperty(state, CORE, { enumerable: false, value: core });
  return state;
}

/** The core behind a public state; a state built or changed outside the engine gets one anew. */
export function coreOf(state: EngineState): Core {
  const linked = (state as unknown as Record<symbol, Core | undefined>)[CORE];
  if (linked) return linked;
  return { ...state, path: Chain.from(state.path), inputs: Chain.from(state.inputs) };
}

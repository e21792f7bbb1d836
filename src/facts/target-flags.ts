/**
 * The target and ARM settings as the command line states them, typed here so src/facts needs
 * nothing from src/cli. Sessions use the typed FactTarget and ArmAccess (gather-facts.ts); these
 * flags are turned into them once.
 */

/** The scenario `--demo` runs when none is named. */
export const DEFAULT_DEMO = 'healthy';

export interface TargetFlags {
  readonly app?: string;
  readonly subscription?: string;
  readonly 'resource-group'?: string;
  readonly name?: string;
  /** A deployment slot of the app (each slot has its own VNet integration). */
  readonly slot?: string;
  readonly offline?: boolean;
  readonly demo?: string;
  readonly 'arm-endpoint'?: string;
  readonly cloud?: string;
  readonly 'access-token'?: string;
}

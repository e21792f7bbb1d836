/**
 * Where the wizard keeps its per-user state (the interrupted session). Follows the XDG base
 * directory convention on Unix and LOCALAPPDATA on Windows; VNET_DOCTOR_STATE_DIR wins so tests
 * and locked-down machines can point it elsewhere.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function stateDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.VNET_DOCTOR_STATE_DIR) return env.VNET_DOCTOR_STATE_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'vnet-doctor');
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'vnet-doctor');
  return join(home, '.local', 'state', 'vnet-doctor');
}

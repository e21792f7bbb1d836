/**
 * The package version. The bundle gets it from package.json at build time (esbuild `define`);
 * the sources read package.json. Its own module, so no command imports main.ts for it.
 */
import { readFileSync } from 'node:fs';

declare const __VNET_DOCTOR_VERSION__: string | undefined;

function packageVersion(): string {
  const json: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = (json as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version : '0.0.0';
}

export const VERSION: string = typeof __VNET_DOCTOR_VERSION__ === 'string' ? __VNET_DOCTOR_VERSION__ : packageVersion();

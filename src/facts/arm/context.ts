/**
 * Everything an ARM call needs: endpoint, credential, TLS trust, timeout and retry settings.
 * Built once at the edge (gather-facts.ts) and passed down, so tests and the demo point the same
 * code at the local emulator.
 */
import type { TokenCredential } from '@azure/identity';

export interface RetrySettings {
  readonly maxRetries: number;
  readonly retryDelayInMs: number;
  readonly maxRetryDelayInMs: number;
}

export interface ArmContext {
  /** e.g. https://management.azure.com (no trailing slash). */
  readonly endpoint: string;
  readonly credential: TokenCredential;
  /** Token scope for the endpoint's cloud. */
  readonly scope: string;
  /** Extra CA certificate (PEM) to trust, used for the local emulator only. */
  readonly tlsCa?: string;
  readonly signal?: AbortSignal;
  /** Per call, including the SDK's own retries. */
  readonly timeoutMs: number;
  readonly retry: RetrySettings;
  /** Told of every answer on the wire (retries included): a scan paces each subscription's reads by ARM's rate-limit headers. */
  readonly onAnswer?: (url: string, status: number, header: (name: string) => string | undefined) => void;
}

/** Few, short retries: a support call cannot wait minutes for a throttled API. */
export const DEFAULT_RETRY: RetrySettings = { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

export const CLOUD_ENDPOINTS = {
  AzureCloud: 'https://management.azure.com',
  AzureUSGovernment: 'https://management.usgovcloudapi.net',
  AzureChinaCloud: 'https://management.chinacloudapi.cn',
} as const;

export type CloudName = keyof typeof CLOUD_ENDPOINTS;

/** A credential that hands out a token the user gave (flag or environment), as given. */
export function staticTokenCredential(token: string): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

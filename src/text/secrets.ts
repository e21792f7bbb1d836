/**
 * Last line of defence for the exporters: a report must never carry an access token or a
 * certificate, redacted or not, even if one slipped into an ARM error message or an answer.
 * Anything that looks like a JWT, a PEM block or a long base64 blob is replaced by a marker.
 */

export const TOKEN_MARKER = '[token removed]';
export const CERTIFICATE_MARKER = '[certificate data removed]';

/** JWTs start with a base64url-encoded `{"` (eyJ); signature and payload parts may follow. */
const JWT = /eyJ[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
/** Certificates (public data in ARM: ~1 KB of base64) and keys; no real name or id is this long. */
const BASE64_BLOB = /[A-Za-z0-9+/]{120,}={0,2}/g;

/** Random base64 has a `/` about every 64 characters; ARM and URL paths have one every few words. */
const looksLikePath = (run: string) => (run.match(/\//g)?.length ?? 0) > run.length / 25;

/**
 * Secrets this run holds as literals (the access token the user gave: flag, standard input or
 * environment), masked wherever they would be printed, JWT-shaped or not. Registered once at the
 * edge (access-token.ts); shorter values would mask ordinary words, and real tokens are far longer.
 */
const knownSecrets = new Set<string>();
const MIN_KNOWN_SECRET_LENGTH = 8;

export function registerSecret(value: string): void {
  if (value.length >= MIN_KNOWN_SECRET_LENGTH) knownSecrets.add(value);
}

/** Only the registered literals: for stderr and messages, where base64-looking text may be legitimate. */
export function maskKnownSecrets(text: string): string {
  let masked = text;
  for (const secret of knownSecrets) if (masked.includes(secret)) masked = masked.split(secret).join(TOKEN_MARKER);
  return masked;
}

export function maskSecrets(text: string): string {
  return maskKnownSecrets(text)
    .replace(PEM, CERTIFICATE_MARKER)
    .replace(JWT, TOKEN_MARKER)
    .replace(BASE64_BLOB, (run) => (looksLikePath(run) ? run : CERTIFICATE_MARKER));
}

/**
 * The access token a user hands over, from (in this order) `--access-token -` (standard input),
 * `--access-token T`, or the VNET_DOCTOR_ACCESS_TOKEN environment variable. The variable and
 * standard input are the preferred ways: a token on the command line is visible to every user
 * of the machine in the process list. Whichever way it came, the token is registered with the
 * report's secret masking, so it is never printed, JWT-shaped or not.
 */
import { UsageError } from '../../errors.ts';
import { registerSecret } from '../../text/secrets.ts';

export const ACCESS_TOKEN_ENV = 'VNET_DOCTOR_ACCESS_TOKEN';
/** `--access-token -`: read the token from standard input. */
export const FROM_STDIN = '-';
/** Real ARM tokens are a few KB; anything much longer on standard input is not a token. */
const MAX_TOKEN_BYTES = 64 * 1024;

export interface TokenInput extends AsyncIterable<Buffer | string> {
  readonly isTTY?: boolean;
}

let fromStdin: Promise<string> | undefined;

/** The token the flags or the environment give, or undefined (then DefaultAzureCredential is used). */
export async function userAccessToken(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  stdin: TokenInput = process.stdin,
): Promise<string | undefined> {
  let token: string | undefined;
  if (flag === FROM_STDIN) {
    // Standard input can be read once per process; every caller gets that one reading.
    fromStdin ??= tokenFromInput(stdin);
    token = await fromStdin;
  } else {
    token = (flag ?? env[ACCESS_TOKEN_ENV])?.trim();
  }
  if (token === undefined || token === '') return undefined;
  registerSecret(token);
  return token;
}

/** Refuses `--access-token -` where standard input is the terminal (the wizard reads keys there). */
export function checkTokenInput(flag: string | undefined, stdin: { readonly isTTY?: boolean } = process.stdin): void {
  if (flag === FROM_STDIN && stdin.isTTY === true) {
    throw new UsageError(`--access-token - reads the token from a pipe, and standard input is a terminal here; set ${ACCESS_TOKEN_ENV} instead, or pipe the token in (az account get-access-token --query accessToken -o tsv | vnet-doctor check --access-token - ...)`);
  }
}

/** The one token a pipe holds: trimmed, one word, at most MAX_TOKEN_BYTES; refusals never quote the input. */
export async function tokenFromInput(stdin: TokenInput): Promise<string> {
  checkTokenInput(FROM_STDIN, stdin);
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_TOKEN_BYTES) throw new UsageError(`--access-token -: standard input holds more than ${MAX_TOKEN_BYTES / 1024} KB, which is not an access token`);
  }
  const token = text.trim();
  if (token === '') throw new UsageError('--access-token - found no token on standard input');
  if (/\s/.test(token)) throw new UsageError('--access-token -: standard input holds more than one word; pipe in the token alone');
  return token;
}

/**
 * The only commands `--probe` runs in a customer's app, built from validated arguments: nothing
 * from ARM, an answers file or the user reaches the command line unchecked. A host is a DNS name
 * or an IPv4 address, a port 1-65535, a DNS server an IPv4 address.
 */
import { isIPv4 } from '../engine/net.ts';

/**
 * Where Kudu runs the commands: the app's home (D:\\home, %HOME% on Windows App Service; Learn:
 * app-service/operating-system-functionality), which no deployment writes to. Kudu runs each
 * command with `cmd /c` in this directory, and cmd looks for a program in the current directory
 * before PATH: in site\\wwwroot an app's own tcpping.bat or nameresolver.exe would run instead.
 */
export const KUDU_WORKING_DIR = 'D:\\home';

export type ProbeCommand =
  | { readonly kind: 'tcpping'; readonly host: string; readonly port: number }
  | { readonly kind: 'nameresolver'; readonly name: string; readonly server?: string }
  | { readonly kind: 'private-ip' };

export class ProbeArgumentError extends Error {}

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.replace(/\.$/, '').split('.').every((label) => LABEL.test(label));
}

function host(value: string): string {
  if (isIPv4(value) || isHostName(value)) return value;
  throw new ProbeArgumentError(`"${value}" is not a host name or IPv4 address`);
}

/** The command line sent to Kudu's command API (it runs in cmd.exe on the app's instance). */
export function commandLine(command: ProbeCommand): string {
  switch (command.kind) {
    case 'tcpping': {
      if (!Number.isInteger(command.port) || command.port < 1 || command.port > 65535) throw new ProbeArgumentError(`port ${command.port} is not 1-65535`);
      return `tcpping ${host(command.host)}:${command.port}`;
    }
    case 'nameresolver': {
      if (command.server !== undefined && !isIPv4(command.server)) throw new ProbeArgumentError(`DNS server "${command.server}" is not an IPv4 address`);
      return `nameresolver ${host(command.name)}${command.server === undefined ? '' : ` ${command.server}`}`;
    }
    case 'private-ip':
      return 'cmd /c echo %WEBSITE_PRIVATE_IP%';
  }
}

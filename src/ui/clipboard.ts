/**
 * Copying a command to the clipboard through the terminal (OSC 52): it works over SSH and inside
 * tmux or screen (with clipboard passthrough on), where no local clipboard tool can reach the
 * engineer's machine. The terminal draws nothing for it.
 */

/** The OSC 52 sequence that puts `text` on the system clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

export function copyToClipboard(stream: NodeJS.WritableStream, text: string): void {
  stream.write(osc52(text));
}

/**
 * What the wizard can honestly say after sending a copy: the sequence went to the terminal, which
 * may or may not pass it on (tmux only with set-clipboard on). Never "copied", which it cannot know.
 */
export function copyMessage(step: number, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const sent = `Step ${step}'s command was sent to your terminal's clipboard (OSC 52); paste to check it arrived.`;
  return env.TMUX ? `${sent} Under tmux it arrives only with: set -g set-clipboard on` : sent;
}

/**
 * A second process for the session-store tests (run with --import tsx):
 *   hold DIR   claims DIR's session, prints "held", and keeps it until its stdin closes
 *   save DIR   saves a session into DIR and prints {"threw": ..., "message": ...} as JSON
 */
import { SessionStore } from '../../src/session/session-store.ts';

const [command, dir] = process.argv.slice(2);
const store = new SessionStore(dir!);
if (command === 'hold') {
  const claim = store.acquire();
  process.stdout.write(claim.ok ? 'held\n' : 'refused\n');
  process.stdin.resume();
  process.stdin.on('end', () => { store.release(); process.exit(0); });
} else if (command === 'save') {
  let result: { threw: boolean; message?: string };
  try {
    store.save({ target: { mode: 'offline' }, facts: {}, presetAnswers: {}, inputs: [{ type: 'answer', question: 'eligible/ask-linux', value: false }] });
    result = { threw: false };
  } catch (error) {
    result = { threw: true, message: (error as Error).message };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

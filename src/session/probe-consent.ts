/**
 * The door between `--probe`'s fact source and whoever answers "may I run these commands in the
 * customer's app?". The fact source awaits `ask`; the wizard's runtime answers through
 * `answerWith`, turning each question into an event of the wizard's machine and delivering the
 * engineer's answer when the machine says so. The door keeps no question of its own: whether one
 * is pending is the machine's state alone. No React here: the session never knows about screens.
 */

export interface ProbeRequestShown {
  readonly appId: string;
  /** The exact command lines that would run, in order. */
  readonly commands: readonly string[];
}

/** Takes one question and the way to answer it (once: true runs the commands, false asks the questions instead). */
export type ProbeAnswerer = (request: ProbeRequestShown, reply: (yes: boolean) => void) => void;

export class ProbeConsent {
  #answerer: ProbeAnswerer | undefined;

  /** Resolves with the engineer's answer; with no one to answer, no: nothing runs in the customer's app without a yes. */
  readonly ask = (appId: string, commands: readonly string[]): Promise<boolean> => new Promise<boolean>((resolve) => {
    const answerer = this.#answerer;
    if (!answerer) { resolve(false); return; }
    let replied = false;
    answerer({ appId, commands: [...commands] }, (yes) => {
      if (replied) return;
      replied = true;
      resolve(yes);
    });
  });

  /** Questions go to `answerer` from now on. Returns the way to stop (later questions are declined). */
  answerWith(answerer: ProbeAnswerer): () => void {
    this.#answerer = answerer;
    return () => { if (this.#answerer === answerer) this.#answerer = undefined; };
  }
}

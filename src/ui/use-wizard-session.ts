/**
 * The session controller the wizard runs on: the command's (src/cli/wizard-command.ts), or one
 * built from the injected parts (tests drive the wizard with fakes).
 */
import { SessionController } from '../session/controller.ts';
import { reportPath, type WizardDeps } from './wizard-types.ts';

export function controllerFor(deps: WizardDeps): SessionController {
  if (deps.session) return deps.session;
  return new SessionController({
    flowSet: deps.flowSet,
    derivations: deps.derivations,
    preset: { facts: {}, answers: deps.presetAnswers ?? {}, answerDetails: deps.presetAnswerDetails ?? {} },
    ...(deps.flow === undefined ? {} : { flow: deps.flow }),
    store: deps.store,
    reports: async (request) => ({ path: reportPath(await deps.writeReport(request)), unchanged: false }),
    sources: {
      gather: (choice, options) => deps.facts.gather(choice, { signal: options.signal ?? new AbortController().signal, onProgress: options.onProgress ?? (() => {}) }),
      ...(deps.facts.nsgFacts ? { readNsg: (target, facts, nsg) => deps.facts.nsgFacts!(target, facts, nsg) } : {}),
    },
  });
}

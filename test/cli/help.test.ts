/**
 * Every --help is generated from the command declarations: each flag a command takes is in its
 * help, each flag it does not take is refused before any work, no line is wider than 80 columns,
 * and the exit codes are the README's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import { COMMANDS, EXIT_CODE_TABLE, flagsOf, type CommandSpec } from '../../src/cli/commands.ts';
import { FLAGS, type FlagName } from '../../src/cli/flags.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { print: (text) => stdout.push(text), error: (text) => stderr.push(text) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const helpOf = async (spec: CommandSpec) => {
  const result = await run([...(spec.id === 'wizard' ? ['wizard'] : spec.words), '--help']);
  assert.equal(result.code, 0, spec.id);
  return result.stdout;
};

/** Flags named in a help text, as `--name` at the start of an entry. */
const flagsIn = (help: string) => new Set([...help.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((match) => match[1]!));

test('each command\'s help lists every flag the command takes, and nothing else', async () => {
  for (const spec of COMMANDS) {
    const help = await helpOf(spec);
    const declared = flagsOf(spec).map((use) => use.name);
    for (const name of declared) assert.ok(flagsIn(help).has(name), `${spec.id} --help lists --${name}`);
    if (!spec.helpOf) assert.deepEqual([...flagsIn(help)].sort(), [...new Set(declared)].sort(), `${spec.id} --help lists only its own flags`);
  }
  const check = await helpOf(COMMANDS.find((spec) => spec.id === 'check')!);
  assert.match(check, /^ {2}--probe {2,}with an app: run tcpping/m, 'check takes --probe and says so');
});

test('every flag the parser knows is either declared by the command or refused with exit 2 before any work', async () => {
  for (const spec of COMMANDS) {
    const declared = new Set<string>(flagsOf(spec).map((use) => use.name));
    for (const name of Object.keys(FLAGS) as FlagName[]) {
      if (declared.has(name)) continue;
      const value = FLAGS[name].type === 'string' ? ['x'] : [];
      const argv = [...spec.words, `--${name}`, ...value];
      const result = await run(argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.equal(result.stdout, '', argv.join(' '));
      assert.match(result.stderr, new RegExp(`^vnet-doctor: --${name} `), argv.join(' '));
    }
  }
});

test('every help fits 80 columns', async () => {
  const helps = [(await run(['--help'])).stdout, ...await Promise.all(COMMANDS.map(helpOf))];
  for (const help of helps) {
    for (const line of help.split('\n')) assert.ok(line.length <= 80, `${line.length} columns: ${line}`);
  }
});

/**
 * The documented exit-code table (docs/batch.md, linked from the README, whose short list must
 * name the same codes): code -> meaning, Markdown code marks dropped.
 */
function readmeExitCodes(): Map<number, string> {
  const docs = readFileSync(new URL('../../docs/batch.md', import.meta.url), 'utf8');
  const table = docs.split('\n| Code | Meaning |\n| --- | --- |\n')[1]!.split('\n\n')[0]!;
  const rows = [...table.matchAll(/^\| (\d+) \| (.+) \|$/gm)];
  assert.ok(rows.length >= 5, 'docs/batch.md has the exit-code table');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const listed = /exit codes:\n([^\n]+)\n/i.exec(readme)?.[1] ?? '';
  for (const [, code] of rows) assert.match(listed, new RegExp(`\\b${code} `), `the README's short list names exit code ${code}`);
  return new Map(rows.map((row) => [Number(row[1]), row[2]!.replace(/`/g, '')]));
}

/** The codes and meanings of a help's "Exit codes" section, lines joined. */
function helpExitCodes(help: string): Map<number, string> {
  const section = help.split('\nExit codes\n')[1]!.split('\n\n')[0]!;
  const codes = new Map<number, string>();
  let last = -1;
  for (const line of section.split('\n')) {
    const entry = /^ {2}(\d+) +(.*)$/.exec(line);
    if (entry) { last = Number(entry[1]); codes.set(last, entry[2]!); } else codes.set(last, `${codes.get(last)} ${line.trim()}`);
  }
  return codes;
}

test('every help lists the README\'s exit codes (129 included); the wizard, check and the global help in the README\'s words', async () => {
  const readme = readmeExitCodes();
  assert.deepEqual(EXIT_CODE_TABLE.map((row) => [row.code, row.meaning]), [...readme], 'src/cli/exit-code-table.ts is the README\'s table');
  assert.ok(readme.has(129) && readme.has(130));
  for (const spec of COMMANDS) {
    const listed = helpExitCodes(await helpOf(spec));
    assert.deepEqual([...listed.keys()], [...readme.keys()], `${spec.id} --help lists the README's codes`);
    if (spec.id === 'wizard' || spec.id === 'check') assert.deepEqual(listed, readme, `${spec.id} --help says what the README says`);
  }
  assert.deepEqual(helpExitCodes((await run(['--help'])).stdout), readme, 'vnet-doctor --help says what the README says');
});

test('scan, migrate and flows each have a help of their own', async () => {
  assert.match((await run(['scan', '--help'])).stdout, /^vnet-doctor scan: /);
  assert.match((await run(['migrate', '--help'])).stdout, /^vnet-doctor migrate: /);
  assert.match((await run(['flows', 'graph', '--help'])).stdout, /^vnet-doctor flows: [^]*--format mermaid\|dot/);
  assert.match((await run(['--help'])).stdout, /^vnet-doctor: troubleshoot[^]*vnet-doctor scan --help/);
});

test('a stray argument is refused, in the command\'s words', async () => {
  for (const [argv, message] of [
    [['check', 'contoso-api'], /^vnet-doctor: unexpected argument "contoso-api": check takes no arguments; name the app with --app$/],
    [['scan', 'sub1'], /^vnet-doctor: unexpected argument "sub1": scan takes no arguments; name subscriptions with --subscription$/],
    [['wizard', 'contoso-api'], /^vnet-doctor: unexpected argument "contoso-api": the wizard takes no arguments/],
    [['flows', 'graph', 'triage', 'eligible'], /^vnet-doctor: unexpected argument "eligible": flows graph takes at most one argument, a flow id \(name a flow directory with --flows DIR\)$/],
  ] as const) {
    const result = await run([...argv]);
    assert.equal(result.code, 2, argv.join(' '));
    assert.match(result.stderr, message);
  }
});

test('an unknown flag points to the help of the command it was given to', async () => {
  const check = await run(['check', '--bogus']);
  assert.equal(check.code, 2);
  assert.equal(check.stderr, 'vnet-doctor: unknown option --bogus\nRun "vnet-doctor check --help" for the flags.');
  assert.match((await run(['--bogus'])).stderr, /Run "vnet-doctor --help" for the flags\.$/);
});

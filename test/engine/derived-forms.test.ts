/**
 * The catalogue's derived forms (flow-format.ts DERIVED_FORMS: count, product, map, cases,
 * replace, unusedName) and the `matches` operator: each gives the value a flow relies on, is
 * unknown while its inputs are, and a malformed one is refused with the file, line, fact and problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowSet } from '../../src/engine/load.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { deriveFromCatalogue } from '../../src/engine/derive.ts';
import { evaluate } from '../../src/engine/expression.ts';
import { validateFlow } from '../../src/engine/validate-flow.ts';
import { patternProblem } from '../../src/engine/safe-pattern.ts';
import type { FactDefinition, FactValue } from '../../src/engine/types.ts';
import { MINI_ELIGIBLE, MINI_FINDINGS, MINI_TRIAGE } from '../support/mini-flows.ts';
import { engine as shipped } from '../flows/shipped.ts';

const lookupOf = (values: Record<string, FactValue>) => (key: string) => (Object.hasOwn(values, key) ? values[key] : undefined);
const derive = (entry: Record<string, unknown>, values: Record<string, FactValue>) =>
  deriveFromCatalogue({ type: 'text', label: 'x', source: 'derived', ...entry } as FactDefinition, lookupOf(values), {});

/** The fact catalogue the mini flows need, plus `extra` lines. */
const catalogue = (extra: string) => `facts:
  app.isLinux: { type: yes-no, label: whether the app runs on Linux }
  p2s.addressPool: { type: cidr-list, label: point-to-site address pool }
  target.host: { type: hostname, label: target host }
  target.port: { type: port, label: target port }
  plan.tier: { type: choice, values: [Free, Basic, Standard], label: plan tier }
  names: { type: text-list, label: names }
  region: { type: text, label: region }
  size: { type: number, label: size }
${extra}`;

const build = (extra: string) => buildFlowSet({
  flows: [{ path: 'triage.yaml', text: MINI_TRIAGE }, { path: 'eligible.yaml', text: MINI_ELIGIBLE }],
  facts: { path: 'facts.yaml', text: catalogue(extra) }, findings: { path: 'findings.yaml', text: MINI_FINDINGS },
});
/** The problems a catalogue with `extra` lines has, as "file:line: fact: problem". */
const problems = (extra: string) => build(extra).diagnostics.map((d) => `${d.file}:${d.line}: ${d.node}: ${d.message}`);

test('count is the number of items of a list (a single value counts one), unknown while the list is', () => {
  assert.equal(derive({ count: 'names' }, { names: ['10.0.0.4', '10.0.0.5'] }), 2);
  assert.equal(derive({ count: 'names' }, { names: [] }), 0);
  assert.equal(derive({ count: 'names' }, { names: 'one' }), 1);
  assert.equal(derive({ count: 'names' }, {}), undefined);
});

test('product multiplies number facts and numbers; unknown when any factor is', () => {
  assert.equal(derive({ product: ['size', 3] }, { size: 4 }), 12);
  assert.equal(derive({ product: ['size', 3] }, {}), undefined);
  assert.equal(derive({ product: ['size', 'region'] }, { size: 4, region: 'x' }), undefined, 'a text is not a number');
});

test('map looks the value up in its table; a value the table lacks is unknown', () => {
  const map = { fact: 'region', to: { westeurope: 'Amsterdam', northeurope: 'Dublin' } };
  assert.equal(derive({ map }, { region: 'northeurope' }), 'Dublin');
  assert.equal(derive({ map }, { region: 'eastus' }), undefined);
  assert.equal(derive({ map }, { region: 'constructor' }), undefined, 'only the table\'s own entries');
  assert.equal(derive({ map }, {}), undefined);
});

test('cases gives the value of the first true case; an unknown case goes on; none true is unknown', () => {
  const cases = [
    { when: { fact: 'size', gt: 10 }, value: 'big' },
    { when: { fact: 'region', known: true }, value: { fact: 'region' } },
  ];
  assert.equal(derive({ cases }, { size: 11, region: 'x' }), 'big');
  assert.equal(derive({ cases }, { size: 3, region: 'x' }), 'x');
  assert.equal(derive({ cases }, { region: 'x' }), 'x', 'size unknown: the first case is not taken');
  assert.equal(derive({ cases }, { size: 3 }), undefined);
  assert.deepEqual(derive({ cases: [{ when: { fact: 'size', eq: 0 }, value: [] }] }, { size: 0 }), []);
});

test('replace rewrites every match, lower-cases on request, and leaves an over-long text unknown', () => {
  const replace = { fact: 'region', pattern: '\\s+', with: '', lower: true };
  assert.equal(derive({ replace }, { region: 'West  Europe' }), 'westeurope');
  assert.equal(derive({ replace: { ...replace, lower: false, with: '-' } }, { region: 'West Europe 2' }), 'West-Europe-2');
  assert.equal(derive({ replace }, { region: 'x'.repeat(1001) }), undefined);
  assert.equal(derive({ replace }, {}), undefined);
});

test('unusedName proposes the base name, else the first free -2, -3, ... (case-insensitive)', () => {
  const unusedName = { base: 'appservice-integration', taken: 'names' };
  assert.equal(derive({ unusedName }, { names: ['default', 'GatewaySubnet'] }), 'appservice-integration');
  assert.equal(derive({ unusedName }, { names: ['AppService-Integration', 'appservice-integration-2'] }), 'appservice-integration-3');
  assert.equal(derive({ unusedName }, {}), undefined);
});

test('take, except and append shape lists, keeping order; each is unknown while a fact it needs is', () => {
  const servers = ['10.0.0.9', '10.0.0.1', '10.0.0.7'];
  assert.deepEqual(derive({ take: { fact: 'names', count: 2 } }, { names: servers }), ['10.0.0.9', '10.0.0.1']);
  assert.deepEqual(derive({ take: { fact: 'names', count: 5 } }, { names: servers }), servers);
  assert.equal(derive({ take: { fact: 'names', count: 2 } }, {}), undefined);
  assert.deepEqual(derive({ except: { fact: 'names', remove: 'region' } }, { names: servers, region: ['10.0.0.1'] }), ['10.0.0.9', '10.0.0.7']);
  assert.deepEqual(derive({ except: { fact: 'names', remove: 'region' } }, { names: servers, region: '10.0.0.7' }), ['10.0.0.9', '10.0.0.1'], 'a single value');
  assert.equal(derive({ except: { fact: 'names', remove: 'region' } }, { names: servers }), undefined, 'an unknown remove is not "nothing"');
  assert.deepEqual(derive({ append: { fact: 'names', item: 'region' } }, { names: servers, region: '10.0.0.2' }), [...servers, '10.0.0.2']);
  assert.deepEqual(derive({ append: { fact: 'names', item: 'region' } }, { names: servers, region: '10.0.0.1' }), servers, 'no repeat');
  assert.equal(derive({ append: { fact: 'names', item: 'region' } }, { names: servers }), undefined);
});

test('sameItems compares two lists as many items each in any order; unknown while either is', () => {
  const same = { fact: 'vnet.dnsServers', sameItems: { fact: 'app.dnsServers' } };
  assert.equal(evaluate(same, lookupOf({ 'vnet.dnsServers': ['10.0.0.5', '10.0.0.4'], 'app.dnsServers': ['10.0.0.4', '10.0.0.5'] })), true);
  assert.equal(evaluate(same, lookupOf({ 'vnet.dnsServers': ['10.0.0.5'], 'app.dnsServers': ['10.0.0.4', '10.0.0.5'] })), false);
  assert.equal(evaluate(same, lookupOf({ 'vnet.dnsServers': ['10.0.0.5'] })), undefined);
  assert.equal(evaluate({ fact: 'vnet.dnsServers', sameItems: ['b', 'a'] }, lookupOf({ 'vnet.dnsServers': ['a', 'b'] })), true);
});

test('the shipped catalogue builds the DNS servers a legacy-sorted Windows site asks from its settings', () => {
  const state = shipped.start({
    'vnet.dnsServers': { value: ['10.0.0.20', '10.0.0.3', '10.0.0.100', '10.0.0.7'], source: 'arm' },
    'app.dnsLegacySortOrder': { value: true, source: 'arm' }, 'app.isLinux': { value: false, source: 'arm' },
    'app.siteDnsServers': { value: [], source: 'arm' }, 'app.dnsOverride': { value: false, source: 'arm' },
    'app.siteDnsAltServer': { value: '10.9.0.1', source: 'arm' },
  });
  const value = (key: string) => shipped.resolveFact(state, key)?.value;
  assert.deepEqual(value('dns.legacySortUsed'), ['10.0.0.3', '10.0.0.7'], 'the two lowest addresses, in address order');
  assert.deepEqual(value('dns.legacySortUnused'), ['10.0.0.20', '10.0.0.100'], 'in the VNet\'s order');
  assert.deepEqual(value('app.dnsServersInUse'), ['10.0.0.3', '10.0.0.7', '10.9.0.1'], 'the alternate last');
  assert.equal(value('vnet.dnsDiffersFromApp'), undefined, 'the app\'s servers are not known');
  const linux = shipped.start({ ...state.facts, 'app.isLinux': { value: true, source: 'arm' }, 'app.siteDnsAltServer': { value: '10.0.0.3', source: 'arm' } });
  assert.deepEqual(shipped.resolveFact(linux, 'app.dnsServersInUse')?.value, ['10.0.0.20', '10.0.0.3', '10.0.0.100', '10.0.0.7'], 'Linux: every server, the alternate not twice');
  const own = shipped.start({ ...state.facts, 'app.siteDnsServers': { value: ['10.5.0.4'], source: 'arm' } });
  assert.deepEqual(shipped.resolveFact(own, 'dns.legacySortUnused')?.value, [], 'the app\'s own servers replace the VNet\'s');
  assert.deepEqual(shipped.resolveFact(own, 'app.dnsServersInUse')?.value, ['10.5.0.4', '10.9.0.1']);
});

test('matches tests a text (a list: any item) against a pattern, without case; unknown when the fact is', () => {
  const privateLink = { fact: 'dns.testName', matches: '(^|\\.)privatelink\\.' };
  assert.equal(evaluate(privateLink, lookupOf({ 'dns.testName': 'db.PrivateLink.database.windows.net' })), true);
  assert.equal(evaluate(privateLink, lookupOf({ 'dns.testName': 'db.database.windows.net' })), false);
  assert.equal(evaluate(privateLink, lookupOf({ 'dns.testName': ['a.contoso.com', 'privatelink.blob.core.windows.net'] })), true);
  assert.equal(evaluate(privateLink, lookupOf({})), undefined);
  assert.equal(evaluate(privateLink, lookupOf({ 'dns.testName': `${'a.'.repeat(600)}privatelink.x` })), undefined, 'too long to match');
});

test('the loader accepts the forms and the engine answers from them, with provenance derived', () => {
  const { flowSet, diagnostics } = build(`  regionName: { type: text, label: r, source: derived, replace: { fact: region, pattern: '\\s+', with: '', lower: true } }
  nameCount: { type: number, label: n, source: derived, count: names }
  double: { type: number, label: d, source: derived, product: [nameCount, 2] }
`);
  assert.deepEqual(diagnostics, []);
  const engine = createEngine(flowSet!);
  const state = engine.start({ region: { value: 'North Europe', source: 'arm' }, names: { value: ['a', 'b', 'c'], source: 'arm' } });
  assert.deepEqual(engine.resolveFact(state, 'regionName'), { value: 'northeurope', source: 'derived' });
  assert.deepEqual(engine.resolveFact(state, 'double'), { value: 6, source: 'derived' });
});

test('a malformed form is refused, naming the file, the line, the fact and the problem', () => {
  const cases: [string, string][] = [
    ['  bad: { type: number, label: b, source: derived, count: [names] }', 'facts.yaml:10: bad: "count" names one list fact, e.g. count: vnet.dnsServers'],
    ['  bad: { type: text, label: b, source: derived, count: names }', 'facts.yaml:10: bad: a fact derived by "count" is of type number'],
    ['  bad: { type: number, label: b, source: derived, product: [size] }', 'facts.yaml:10: bad: "product" is a list of two or more number facts or numbers'],
    ['  bad: { type: number, label: b, source: derived, product: [size, nope] }', 'facts.yaml:10: bad: product: unknown fact key "nope" (not in the fact catalogue)'],
    ['  bad: { type: text, label: b, source: derived, map: { fact: region, to: { a: [1] } } }', 'facts.yaml:10: bad: map.to.a must be a text, number or yes/no'],
    ['  bad: { type: text, label: b, source: derived, map: { fact: region } }', 'facts.yaml:10: bad: "map" is { fact: key, to: { value: result, ... } }'],
    ['  bad: { type: text, label: b, source: derived, cases: [{ when: { fact: size, gt: 1 } }] }', 'facts.yaml:10: bad: cases[0] needs exactly "when" and "value"'],
    ['  bad: { type: text, label: b, source: derived, cases: [{ when: { fact: size, big: 1 }, value: x }] }', 'facts.yaml:10: bad: cases[0].when: unknown operator "big" (expected one of eq, ne, in, gt, gte, lt, lte, known, rfc1918, within, contains, countGte, matches, sameItems)'],
    ['  bad: { type: text, label: b, source: derived, cases: [{ when: { fact: size, gt: 1 }, value: { fact: nope } }] }', 'facts.yaml:10: bad: cases: unknown fact key "nope" (not in the fact catalogue)'],
    ["  bad: { type: text, label: b, source: derived, replace: { fact: region, pattern: '(a+)+', with: '' } }", 'facts.yaml:10: bad: replace.pattern: the pattern repeats a group that itself repeats or holds "|" (it could take exponential time): write it without the nesting'],
    ["  bad: { type: text, label: b, source: derived, replace: { fact: region, pattern: 'a', with: '', upper: true } }", 'facts.yaml:10: bad: replace has unknown field "upper"'],
    ['  bad: { type: text, label: b, source: derived, unusedName: { base: "a b", taken: names } }', 'facts.yaml:10: bad: "unusedName" is { base: a name of letters, digits, ".", "_" or "-", taken: list fact }'],
    ['  bad: { type: number, label: b, source: arm, count: names }', 'facts.yaml:10: bad: a fact derived by "count" has source derived'],
    ['  bad: { type: number, label: b, source: derived, count: names, product: [size, 2] }', 'facts.yaml:10: bad: a derived fact has one of when, first, text, count, product, map, cases, replace, unusedName, take, except, append, not count and product'],
    ['  bad: { type: yes-no, label: b, source: derived, cases: [{ when: { fact: size, gt: 1 }, value: "yes" }] }', 'facts.yaml:10: bad: cases[0].value is not a value of a yes-no fact'],
    ['  bad: { type: number, label: b, source: derived, map: { fact: region, to: { a: "1" } } }', 'facts.yaml:10: bad: map.to.a is not a value of a number fact'],
    ['  bad: { type: text-list, label: b, source: derived, take: { fact: names, count: 0 } }', 'facts.yaml:10: bad: "take" is { fact: list fact, count: a whole number from 1 to 1000 }'],
    ['  bad: { type: text-list, label: b, source: derived, except: { fact: names } }', 'facts.yaml:10: bad: "except" is { fact: list fact, remove: fact }'],
    ['  bad: { type: text-list, label: b, source: derived, append: { fact: names, item: nope } }', 'facts.yaml:10: bad: append: unknown fact key "nope" (not in the fact catalogue)'],
    ['  bad: { type: yes-no, label: b, source: derived, when: { fact: names, sameItems: 3 } }', 'facts.yaml:10: bad: when.sameItems must be a list of texts or { fact: key }'],
    ['  bad: { type: text, label: a, b, source: derived }', 'facts.yaml:10: bad: unknown field "b" (a fact has type, label, values, description, source, when, first, text, count, product, map, cases, replace, unusedName, take, except, append; a text holding ", " or ": " goes in quotes)'],
  ];
  for (const [line, expected] of cases) assert.deepEqual(problems(line), [expected], line);
});

test('a pattern that could backtrack without end, or is not a pattern, is refused with the reason', () => {
  assert.equal(patternProblem('(^|\\.)privatelink\\.'), undefined);
  assert.equal(patternProblem('^[a-z]+(-[a-z0-9]+)?$'), undefined, 'an optional group may hold a repeat; anchored, two open repeats are fine');
  assert.equal(patternProblem('Complete:\\s?\\d+/\\d{1,3}'), undefined);
  for (const [pattern, reason] of [
    ['(a+)+$', /repeats a group/], ['(a|aa)*', /repeats a group/], ['((ab)*c)+', /repeats a group/], ['(x{2,})*', /repeats a group/],
    ['(a)\\1', /backreferences/], ['a(?=b)', /lookahead/], ['(?<!a)b', /lookbehind/], ['(', /not a valid regular expression/],
    ['a'.repeat(201), /at most 200/], ['', /non-empty/],
    // Polynomial and exponential backtracking without nesting: the paths a match may try are counted.
    ['a*a*b', /about 1e\+9 paths on a 1000-character text/], [`${'a?'.repeat(20)}${'a'.repeat(20)}`, /paths/], ['^a*a*a*b', /paths/],
  ] as const) assert.match(patternProblem(pattern) ?? 'accepted', reason, pattern);
  const flow = { id: 'x', title: 'X', summary: 'X', entry: 'c', nodes: {
    c: { kind: 'check', when: { fact: 'dns.testName', matches: '(a|b)+' }, then: 'e', else: 'e' }, e: { kind: 'end', outcome: 'resolved' },
  } };
  assert.deepEqual(validateFlow('x.yaml', flow, new Map()).errors.map((error) => `${error.node}: ${error.message}`),
    ['c: when.matches: the pattern repeats a group that itself repeats or holds "|" (it could take exponential time): write it without the nesting']);
});

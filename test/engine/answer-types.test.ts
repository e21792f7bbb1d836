import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswer } from '../../src/engine/answer-types.ts';

const accepts = (type: Parameters<typeof validateAnswer>[0], text: string, value: unknown) => {
  const result = validateAnswer(type, text);
  assert.ok(result.ok, `${type} should accept ${JSON.stringify(text)}: ${result.ok ? '' : result.reason}`);
  assert.deepEqual(result.value, value);
};
const refuses = (type: Parameters<typeof validateAnswer>[0], text: string, reason: RegExp) => {
  const result = validateAnswer(type, text);
  assert.equal(result.ok, false, `${type} should refuse ${JSON.stringify(text)}`);
  if (!result.ok) assert.match(result.reason, reason);
};

test('IPv4 addresses: the prompt refuses what is not an address and says why', () => {
  accepts('ip', ' 10.1.2.3 ', '10.1.2.3');
  refuses('ip', '300.1.2.3', /^300\.1\.2\.3 is not an IPv4 address/);
  refuses('ip', '10.1.2', /not an IPv4 address/);
  refuses('ip', '10.01.2.3', /leading zero/);
});

test('CIDR ranges: prefix length and host bits are checked', () => {
  accepts('cidr', '172.16.200.0/24', '172.16.200.0/24');
  refuses('cidr', '172.16.200.0', /CIDR form/);
  refuses('cidr', '172.16.200.0/33', /from 0 to 32/);
  refuses('cidr', '172.16.200.5/24', /host bits set; the range starts at 172\.16\.200\.0\/24/);
  accepts('cidr-list', '10.0.0.0/24, 192.168.1.0/24', ['10.0.0.0/24', '192.168.1.0/24']);
  refuses('cidr-list', '10.0.0.0/24, nope', /nope/);
  accepts('ip-list', '10.0.0.4, 10.0.0.5', ['10.0.0.4', '10.0.0.5']);
  accepts('ip-list', '10.0.0.4 10.0.0.5', ['10.0.0.4', '10.0.0.5']);
  refuses('ip-list', '10.0.0.4, 10.0.0.0/24', /10\.0\.0\.0\/24/);
  refuses('ip-list', '', /at least one IP address/);
});

test('host:port, host names and ports', () => {
  accepts('host-port', 'db.contoso.local:1433', { host: 'db.contoso.local', port: 1433 });
  accepts('host-port', '10.1.2.3:443', { host: '10.1.2.3', port: 443 });
  refuses('host-port', 'db.contoso.local', /needs a port/);
  refuses('host-port', 'db.contoso.local:70000', /1 to 65535/);
  accepts('hostname', 'SQL-01.Contoso.local.', 'sql-01.contoso.local');
  refuses('hostname', 'bad_host.local', /not a valid host name/);
  refuses('hostname', '-x.local', /not a valid host name/);
  refuses('port', '0', /1 to 65535/);
});

test('control characters are shown escaped in the reason, never raw', () => {
  const result = validateAnswer('ip', '\u001b[2J1.2.3.4');
  assert.equal(result.ok, false);
  if (!result.ok) assert.ok(!result.reason.includes('\u001b'));
});

test('over-long answers are refused before any parsing', () => {
  refuses('text', 'x'.repeat(5000), /at most 1024/);
});

test('values read from files are checked by type, never coerced through their own toString', async () => {
  const { validateAnswerValue } = await import('../../src/engine/answer-types.ts');
  const hostile = { toString: 0 };
  assert.equal(validateAnswerValue('cidr-list', [hostile]).ok, false);
  assert.equal(validateAnswerValue('host-port', { host: hostile, port: 1 }).ok, false);
  assert.deepEqual(validateAnswerValue('host-port', { host: 'db.contoso.local', port: 1433 }), { ok: true, value: { host: 'db.contoso.local', port: 1433 } });
  assert.deepEqual(validateAnswerValue('cidr-list', ['10.0.0.0/24']), { ok: true, value: ['10.0.0.0/24'] });
});

test('host:port as customers give it: SQL host,port, tcp:host,port and a pasted connection string (never echoed back)', () => {
  const taken = (text: string) => validateAnswer('host-port', text);
  const expected = { ok: true, value: { host: '10.50.1.4', port: 1433 } };
  assert.deepEqual(taken('10.50.1.4,1433'), expected);
  assert.deepEqual(taken('tcp:10.50.1.4,1433'), expected);
  assert.deepEqual(taken('Server=tcp:10.50.1.4,1433;Initial Catalog=orders;User ID=app;Password=s3cret;Encrypt=True;'), expected);
  assert.deepEqual(taken('Data Source=sql01.contoso.local;Initial Catalog=orders'), { ok: true, value: { host: 'sql01.contoso.local', port: 1433 } }, "SQL Server's default port");
  assert.deepEqual(taken('Host=db.contoso.local;Port=5432;Database=orders'), { ok: true, value: { host: 'db.contoso.local', port: 5432 } });
  const refused = taken('Database=orders;Password=s3cret');
  assert.equal(refused.ok, false);
  assert.doesNotMatch(refused.ok ? '' : refused.reason, /s3cret/, 'a connection string is never shown back: it may hold a password');
});

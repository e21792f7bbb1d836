/** Tokens and certificates must never reach a report file, whether redacted or not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { toJson } from '../../src/report/json.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { redactReport } from '../../src/report/redact.ts';
import { CERTIFICATE_MARKER, maskSecrets, TOKEN_MARKER } from '../../src/text/secrets.ts';
import { completeSession, reportOf } from './support/report-sessions.ts';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ aud: 'https://management.azure.com', oid: 'x'.repeat(20) })}.${randomBytes(64).toString('base64url')}`;
const CERT_BLOB = randomBytes(900).toString('base64');
const PEM = `-----BEGIN CERTIFICATE-----\n${CERT_BLOB.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;

function leakyReport() {
  return reportOf([completeSession()], {
    errors: [
      { facts: ['gateway.name'], reason: `401 Unauthorized for token ${JWT}`, source: `Authorization: Bearer ${JWT}` },
      { facts: ['app.certExpiresOn'], reason: `certBlob was ${CERT_BLOB}` },
      { facts: ['app.certThumbprint'], reason: `pasted:\n${PEM}\nend` },
    ],
  });
}

for (const [name, redact] of [['plain', false], ['redacted', true]] as const) {
  test(`${name} Markdown and JSON never contain a JWT or certificate data`, () => {
    const report = redact ? redactReport(leakyReport()) : leakyReport();
    for (const output of [toMarkdown(report), toJson(report)]) {
      assert.ok(!output.includes('eyJ'), 'a JWT header is in the output');
      assert.ok(!output.includes(JWT.split('.')[2]!), 'a JWT signature is in the output');
      assert.ok(!output.includes(CERT_BLOB.slice(0, 60)), 'certificate data is in the output');
      assert.ok(!output.includes('BEGIN CERTIFICATE'), 'a PEM block is in the output');
      assert.ok(output.includes(TOKEN_MARKER) && output.includes(CERTIFICATE_MARKER), 'the reader is told something was removed');
    }
    assert.doesNotThrow(() => JSON.parse(toJson(report)), 'masking keeps the JSON valid');
  });
}

test('ordinary report text is left alone: ids, ARM paths, commands, short base64-like words', () => {
  const text = 'az network vnet-gateway show --ids /subscriptions/6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw; thumbprint 3A1F9C0D2B4E6F8091A2B3C4D5E6F708192A3B4C';
  assert.equal(maskSecrets(text), text);
});

test('a long path made only of letters and slashes is not mistaken for certificate data', () => {
  const path = 'Microsoft/Web/sites/contosoordersproduction/virtualNetworkConnections/contosohubnetwork/gateways/primary/routes/onpremises/datacenter/west';
  assert.ok(path.length > 120);
  assert.equal(maskSecrets(path), path);
});

test('a bare JWT-like value without dots is still masked', () => {
  assert.equal(maskSecrets(`token=${b64url({ alg: 'none', typ: 'JWT' })}`), `token=${TOKEN_MARKER}`);
});

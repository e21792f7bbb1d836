/**
 * Every pricing tier ARM can return maps to a tier the eligibility flow knows, so a known plan
 * never makes the tool ask for its tier (and never lets an unsupported tier through).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planFacts, planTier } from '../../src/facts/arm/map-plan.ts';
import { facts, flowSet, walk } from './shipped.ts';

/** sku.tier and sku.name pairs as ARM returns them for App Service plans. */
const ARM_SKUS: readonly (readonly [string, string, string])[] = [
  ['Free', 'F1', 'Free'], ['Shared', 'D1', 'Shared'], ['Basic', 'B2', 'Basic'], ['Standard', 'S1', 'Standard'], ['Premium', 'P1', 'Premium'],
  ['PremiumV2', 'P2v2', 'PremiumV2'], ['PremiumV3', 'P1v3', 'PremiumV3'], ['Premium0V3', 'P0v3', 'PremiumV3'], ['PremiumMV3', 'P2mv3', 'PremiumV3'],
  ['PremiumV4', 'P1v4', 'PremiumV4'], ['PremiumMV4', 'P1mv4', 'PremiumV4'], ['Isolated', 'I1', 'Isolated'], ['IsolatedV2', 'I1v2', 'IsolatedV2'],
  ['IsolatedMV2', 'I2mv2', 'IsolatedV2'], ['Dynamic', 'Y1', 'Dynamic'], ['ElasticPremium', 'EP1', 'ElasticPremium'],
  ['FlexConsumption', 'FC1', 'FlexConsumption'], ['WorkflowStandard', 'WS1', 'WorkflowStandard'],
];
const SUPPORTED = new Set(['Basic', 'Standard', 'Premium', 'PremiumV2', 'PremiumV3', 'PremiumV4']);

test('every tier ARM returns maps to a choice of the eligibility question', () => {
  const choices = flowSet.flows.eligibility!.nodes['ask-tier'];
  assert.equal(choices?.kind, 'question');
  const values = (choices as unknown as { options: { value: string }[] }).options.map((option) => option.value);
  for (const [tier, sku, expected] of ARM_SKUS) {
    const fact = planFacts({ name: 'asp-orders', location: 'westeurope', sku: { tier, name: sku } })['plan.tier'];
    assert.equal(fact?.value, expected, `${tier} / ${sku}`);
    assert.ok(values.includes(expected), `${expected} is a choice`);
  }
  assert.equal(planTier('SomethingNew', 'P3mv3'), 'PremiumV3', 'an unknown tier name falls back to the SKU name');
  assert.equal(planTier(undefined, 'Q9'), undefined);
});

test('a P0v3 plan is supported without a question; a Logic Apps WS1 plan is not', () => {
  for (const [tier, , expected] of ARM_SKUS) {
    // walk() throws if the flow asks a question it has no answer for, such as the tier.
    const s = walk('eligibility', facts({ 'plan.tier': expected }), { 'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false });
    assert.equal(s.findings.some((f) => f.id === 'plan-tier-unsupported'), !SUPPORTED.has(expected), tier);
  }
});

test('each unsupported tier gets a fix that can be done there (issue 20 item 7): scale-up only for Free and Shared', () => {
  const answers = { 'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false };
  const advice = (tier: string) => {
    const finding = walk('eligibility', facts({ 'plan.tier': tier }), answers).findings.find((f) => f.id === 'plan-tier-unsupported')!;
    return { title: finding.title, commands: finding.steps.map((step) => step.command ?? '') };
  };
  for (const tier of ['Free', 'Shared']) assert.ok(advice(tier).commands.some((command) => command.startsWith('az appservice plan update') && command.includes('--sku S1')), tier);
  for (const tier of ['Isolated', 'IsolatedV2', 'Dynamic', 'ElasticPremium', 'FlexConsumption', 'WorkflowStandard']) {
    assert.ok(!advice(tier).commands.some((command) => command.includes('plan update')), `${tier}: no scale-up that cannot be done`);
  }
  assert.match(advice('IsolatedV2').title, /App Service Environment/);
  assert.match(advice('Dynamic').title, /Consumption plan, which has no VNet integration/);
  assert.match(advice('FlexConsumption').title, /regional VNet integration, not gateway-required/);
  assert.match(advice('ElasticPremium').title, /supports regional VNet integration only/);
  assert.match(advice('WorkflowStandard').title, /supports regional VNet integration only/);
});

test('Elastic Premium: the leftover gateway-required connection is named unsupported, the connect is az functionapp even when only the tier is known, and the subnet is sized for the elastic maximum', () => {
  const answers = { 'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false };
  const finding = walk('eligibility', facts({ 'plan.tier': 'ElasticPremium', 'plan.maxInstances': 20 }), answers).findings.find((f) => f.id === 'plan-tier-unsupported')!;
  assert.match(finding.explanation, /documented for dedicated App Service plans only/);
  assert.match(finding.explanation, /cannot be made again once removed/);
  assert.match(finding.explanation, /\(20 instances: twice that during a scale operation, a \/26 or larger\)/);
  const connect = finding.steps.find((step) => step.command?.includes('vnet-integration add'))!;
  assert.match(connect.command!, /^az functionapp vnet-integration add -g rg-web -n app-orders --vnet </, 'the site kind is not known here: the tier says function app');
  assert.deepEqual(connect.blanks, ['resource id of a VNet in the app\'s region', 'free subnet of a VNet in the app\'s region'], 'vnet-hub is in another region: no subnet of it is offered');
  // A dedicated plan's app without a known kind keeps az webapp.
  const linux = walk('eligibility', facts({ 'app.isLinux': true }), answers).findings[0]!;
  assert.match(linux.steps[0]!.command!, /^az webapp vnet-integration add /);
});

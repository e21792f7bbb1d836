/**
 * `--redact`: a copy of the report safe to hand to people outside the customer's organisation.
 * Names are learnt first from where their meaning is certain (name facts, ARM ids in any encoding,
 * the target, and the phrases the tool itself writes in provenance and errors: "gateway NAME",
 * "resource group NAME", "GET virtualNetworks/NAME"), then every string in the report is rewritten
 * with the same pseudonyms, so a gateway name inside a step command, a question text or an error
 * disappears too. E-mail addresses are replaced wherever they appear. Identifiers the tool itself
 * defines (fact keys, finding and question ids, flow ids, enum values) are left alone: they name no
 * customer. The flows' own texts (titles, explanations, steps, questions) lose only the values
 * learnt from the report, so the tool's constants ("172.32.0.0 and above is public") stay as written.
 */
import type { FactSource, FactValue } from '../engine/types.ts';
import { parseIPv4 } from '../engine/net.ts';
import { plainForms, Pseudonyms, splitTrailing, type PseudonymCategory, type TextOrigin } from './pseudonyms.ts';
import type { Report } from './report-model.ts';

/** Object keys whose string values are tool-defined identifiers or enums. */
const STRUCTURAL_KEYS = new Set(['schemaVersion', 'tool', 'generatedAt', 'mode', 'status', 'id', 'severity', 'kind', 'flow', 'flows', 'question', 'key', 'fact', 'facts', 'scenario']);
const FACT_SOURCES: ReadonlySet<string> = new Set<FactSource>(['arm', 'answer', 'derived', 'probe']);
/** Facts whose values are the tool's descriptions of NSG rules read from ARM (facts/arm/map-pool-rules.ts). */
const POOL_RULE_FACTS: ReadonlySet<string> = new Set(['migration.poolAllowRules', 'migration.poolDenyRules']);
/** Report sections whose texts the flows wrote (with values filled in). */
const TOOL_SECTIONS = new Set(['findings', 'path', 'openQuestions', 'unknowns']);
/** Fields of those sections that come from outside all the same. */
const OUTSIDE_FIELDS = new Set(['answer', 'auto', 'detail', 'source']);

/** What a fact's value is, judged from its key (catalogue naming: app.resourceGroup, gateway.name, target.host...). */
export function categoryForFactKey(key: string): PseudonymCategory | undefined {
  const last = key.split('.').at(-1)!.toLowerCase();
  if (last.endsWith('subscriptionid') || last.endsWith('tenantid')) return 'subscription';
  if (last.endsWith('resourcegroup')) return 'rg';
  if (last === 'host' || last === 'testname' || last.endsWith('hostname') || last.endsWith('fqdn')) return 'host';
  if (last.endsWith('name') || last.endsWith('names') || last.endsWith('rule') || last.endsWith('id')) return 'resource';
  return undefined;
}

/**
 * How the tool names things in provenance, progress and error texts: "gateway gw-hub", "subnet x",
 * "resource group rg-x", "peering p on VNet v", `no app "x" in resource group "y"`. The name is
 * read as a lookahead so "connections of gateway gw-hub" yields gw-hub too.
 */
const NAMED_THING = /(?<![\p{L}\p{N}_-])(resource group|VNet connection|peered VNet|local network gateways of|connections of|network interface|route table|VNet|app|plan|gateway|peering|subnet|NSG|rule|site)\s+(?=["'\u2018\u201c]?([^\s"'\u2018\u2019\u201c\u201d,;:]+))/gu;
/** ARM collections in request lines and URLs: "GET virtualNetworks/vnet-hub". */
const COLLECTION_ITEM = /\b(resourceGroups|sites|serverfarms|virtualNetworks|virtualNetworkGateways|networkSecurityGroups|subnets|virtualNetworkPeerings|virtualNetworkConnections|connections|localNetworkGateways|publicIPAddresses|routeTables|networkInterfaces)\/([^\s/"'?#,;:]+)/giu;
/** Words that follow a kind word in the tool's sentences without being a name. */
const NOT_A_NAME = new Set([
  'a', 'an', 'the', 'is', 'was', 'are', 'has', 'have', 'had', 'does', 'did', 'not', 'no', 'of', 'in', 'on', 'to', 'for', 'and', 'or', 'with',
  'from', 'that', 'this', 'its', 'it', 'be', 'been', 'can', 'cannot', 'could', 'read', 'found', 'exists', 'connection', 'connections',
  'certificate', 'peerings', 'subnets', 'gateways', 'settings', 'service', 'integration', 'tier', 'itself', 'first', 'transit',
  'type', 'sku', 'status', 'state', 'name', 'names', 'id', 'ids', 'address', 'addresses', 'pool', 'range', 'routes', 'route', 'access',
  // the kind words themselves ("VNet peering failed" names no peering)
  'vnet', 'vnets', 'app', 'apps', 'plan', 'plans', 'gateway', 'peering', 'subnet', 'nsg', 'nsgs', 'rule', 'rules', 'site', 'sites',
  'resource', 'group', 'groups', 'network', 'interface', 'table', 'local',
]);

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function learnFromPhrases(text: string, pseudonyms: Pseudonyms, scope: TextOrigin | 'all' = 'outside'): void {
  for (const form of plainForms(text)) {
    for (const match of form.matchAll(NAMED_THING)) {
      const [name] = splitTrailing(match[2]!);
      if (name.length < 2 || NOT_A_NAME.has(name.toLowerCase()) || parseIPv4(name) || name.startsWith('/') || /^\d+$/.test(name)) continue;
      pseudonyms.register(name, match[1] === 'resource group' ? 'rg' : 'resource', scope);
    }
    for (const match of form.matchAll(COLLECTION_ITEM)) {
      const [name] = splitTrailing(match[2]!);
      if (name.length < 1 || NOT_A_NAME.has(name.toLowerCase())) continue;
      pseudonyms.register(name, match[1]!.toLowerCase() === 'resourcegroups' ? 'rg' : 'resource', scope);
    }
  }
}

function learnNames(report: Report, pseudonyms: Pseudonyms): void {
  const learn = (value: FactValue | unknown, category: PseudonymCategory | undefined) => {
    for (const text of strings(value)) {
      if (text.trim() === '' || text.startsWith('/')) continue;
      if (parseIPv4(text)) { pseudonyms.registerAddress(text); continue; }
      if (category) pseudonyms.register(text, category);
    }
  };
  // ARM ids first: their segments say exactly what each name is.
  walkStrings(report, (text) => pseudonyms.registerArmIds(text));
  for (const fact of report.facts) {
    learn(fact.value, categoryForFactKey(fact.key));
    // NSG rules the tool describes from ARM ("rule R of NSG N (..., on subnet S)"): every name in them
    // follows its kind word, and the flows' steps quote them, so they go everywhere.
    if (POOL_RULE_FACTS.has(fact.key)) for (const text of strings(fact.value)) learnFromPhrases(text, pseudonyms, 'all');
    if (fact.overridden) learn(fact.overridden.value, categoryForFactKey(fact.key));
  }
  for (const entry of report.path) {
    const answer = entry.answer;
    if (answer !== null && typeof answer === 'object' && !Array.isArray(answer)) learn((answer as { host: string }).host, 'host');
    else learn(answer, entry.auto?.fact ? categoryForFactKey(entry.auto.fact) : undefined);
  }
  learn(report.target.appName, 'resource');
  // Provenance, sources and errors name things in the tool's own phrases. A name learnt only from
  // a phrase is replaced in outside texts only: a misread word never changes the flows' own texts.
  const outside = [
    ...report.facts.flatMap((fact) => [fact.detail, fact.overridden?.detail]),
    ...report.path.map((entry) => entry.auto?.detail),
    ...report.errors.flatMap((error) => [error.reason, error.source]),
  ];
  for (const text of outside) if (text) learnFromPhrases(text, pseudonyms);
}

function walkStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => walkStrings(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => walkStrings(item, visit));
}

function rewrite(value: unknown, pseudonyms: Pseudonyms, origin: TextOrigin, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
    if (key === 'source' && FACT_SOURCES.has(value)) return value;
    return pseudonyms.redact(value, origin);
  }
  if (Array.isArray(value)) {
    // `facts` is both the fact table (objects: redact) and an error's list of fact keys (keep).
    const identifiers = key !== undefined && STRUCTURAL_KEYS.has(key) && value.every((item) => typeof item === 'string');
    return identifiers ? value : value.map((item) => rewrite(item, pseudonyms, origin));
  }
  if (value !== null && typeof value === 'object') {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
    return Object.fromEntries(Object.entries(value).map(([name, item]) => {
      const next = origin === 'tool' && OUTSIDE_FIELDS.has(name) ? 'outside' : origin;
      return [name, rewrite(item, pseudonyms, next, name)];
    }));
  }
  return value;
}

export function redactReport(report: Report): Report {
  const pseudonyms = new Pseudonyms();
  learnNames(report, pseudonyms);
  const redacted = Object.fromEntries(Object.entries(report).map(([section, value]) =>
    [section, rewrite(value, pseudonyms, TOOL_SECTIONS.has(section) ? 'tool' : 'outside', section)])) as unknown as Report;
  return { ...redacted, redacted: true };
}

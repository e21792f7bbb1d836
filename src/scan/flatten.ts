/**
 * Resource Graph returns resources in the REST shape (`{ id, name, properties: {...} }`, with
 * `properties` nested again in sub-resources), while the ARM mappers (src/facts/arm/map-*.ts)
 * take the SDK models, which lift every `properties` bag into its parent. This does the same
 * lift, so one mapper serves both sources.
 */
const MAX_DEPTH = 32;

export function flattenArmResource(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => flattenArmResource(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) {
    if (key === 'properties' && item !== null && typeof item === 'object' && !Array.isArray(item)) continue;
    out[key] = flattenArmResource(item, depth + 1);
  }
  const properties = record.properties;
  if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) {
    // Properties never replace the envelope's own id, name, type or location.
    for (const [key, item] of Object.entries(properties)) if (!Object.hasOwn(out, key)) out[key] = flattenArmResource(item, depth + 1);
  }
  return out;
}

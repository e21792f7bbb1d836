/**
 * `npm run schema`: writes the JSON Schemas of flow files and of the two catalogues from the flow
 * format's one definition (src/engine/flow-format.ts).
 */
import { writeFileSync } from 'node:fs';
import { flowSchemaText } from '../src/engine/flow-schema.ts';
import { factCatalogueSchemaText, findingCatalogueSchemaText } from '../src/engine/catalogue-schema.ts';

writeFileSync(new URL('../schema/flow.schema.json', import.meta.url), flowSchemaText());
writeFileSync(new URL('../schema/facts.schema.json', import.meta.url), factCatalogueSchemaText());
writeFileSync(new URL('../schema/findings.schema.json', import.meta.url), findingCatalogueSchemaText());

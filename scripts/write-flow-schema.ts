/** `npm run schema`: writes schema/flow.schema.json from the flow format's one definition (src/engine/flow-format.ts). */
import { writeFileSync } from 'node:fs';
import { flowSchemaText } from '../src/engine/flow-schema.ts';

writeFileSync(new URL('../schema/flow.schema.json', import.meta.url), flowSchemaText());

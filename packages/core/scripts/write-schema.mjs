// Writes schema/evaluation.schema.json from the zod definition (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '../dist/index.js';

const target = fileURLToPath(new URL('../schema/evaluation.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(toJsonSchema(), null, 2)}\n`);
console.error(`wrote ${target}`);

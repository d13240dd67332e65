// Writes docs/rule-sets.md from the shipped rule sets (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRuleSetDocs } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/rule-sets.md', import.meta.url));
writeFileSync(target, renderRuleSetDocs());
console.error(`wrote ${target}`);

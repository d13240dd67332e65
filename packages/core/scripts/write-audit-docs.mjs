// Writes docs/audit-checks.md from the audit catalogue (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditCatalogueMarkdown } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/audit-checks.md', import.meta.url));
writeFileSync(target, auditCatalogueMarkdown());
console.error(`wrote ${target}`);

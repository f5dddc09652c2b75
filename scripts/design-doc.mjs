// `node scripts/design-doc.mjs`: prints `_design/vigie`, the design document every cell's
// database holds (src/core/sync/design.ts), as JSON on standard output, for an upload with
// curl (docs/team-server.md). Vite loads the TypeScript module, so the document printed is the
// one the extension ships.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport(resolve(root, 'src/core/sync/design.ts'), {
  root,
  logLevel: 'silent',
});
process.stdout.write(`${JSON.stringify(module.vigieDesign, null, 2)}\n`);

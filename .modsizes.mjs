// usage: node modsizes.mjs ROOT MODE  → per-module rendered lengths
import { build } from 'vite';
const [root, mode] = process.argv.slice(2);
process.chdir(root);
const rows = [];
await build({ configFile: root + '/vite.config.ts', mode, logLevel: 'silent',
  build: { write: false },
  plugins: [{ name: 'sizes', generateBundle(_, bundle) {
    for (const [f, c] of Object.entries(bundle)) if (c.type === 'chunk')
      for (const [id, m] of Object.entries(c.modules)) rows.push([m.renderedLength, f.replace(/-[\w-]{8}\.js$/, ''), id.replace(root + '/', '').replace(/.*node_modules\//, 'nm/')]);
  } }] });
rows.sort((a, b) => b[0] - a[0]);
for (const r of rows) console.log(r.join('\t'));

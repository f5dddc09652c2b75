// The text of extension/THIRD-PARTY-NOTICES.txt: the licence of every package the built
// extension bundles (package.json's dependencies) and of every word list compiled in (the
// `/*! @license … */` comments of src/), since a minified bundle keeps none of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A package's licence file, whatever its spelling (LICENSE, LICENSE.md, licence.txt…). */
function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
  if (!file) throw new Error(`No licence file in ${dir}`);
  return readFileSync(join(dir, file), 'utf8').trim();
}

/** The `/*! @license … *\/` comments of the TypeScript files under `dir`, with their paths. */
function licenceComments(dir, root) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...licenceComments(path, root));
    else if (/\.tsx?$/.test(entry.name)) {
      const comment = /\/\*! @license\n([\s\S]*?)\*\//.exec(readFileSync(path, 'utf8'));
      const text = comment?.[1]?.replace(/^ \* ?/gm, '').trim();
      if (text) found.push({ path: relative(root, path), text });
    }
  }
  return found;
}

/** The notices of the extension built from the project at `root`. */
export function thirdPartyNotices(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const parts = ['Vigie bundles code and word lists written by others. Their licences follow.'];
  for (const name of Object.keys(pkg.dependencies).sort()) {
    const dir = join(root, 'node_modules', name);
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const heading = `== ${name} ${own.version} (${own.license ?? 'licence below'}) ==`;
    parts.push(`${heading}\n\n${licenceText(dir)}`);
  }
  for (const { path, text } of licenceComments(join(root, 'src'), root)) {
    parts.push(`== ${path} ==\n\n${text}`);
  }
  return `${parts.join('\n\n')}\n`;
}

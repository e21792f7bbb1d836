/**
 * Line coverage of src/ from c8's json-summary report, in the groups `npm test` prints and holds:
 * src/ outside src/ui (the floor applies there), src/ui, all of src/, and each folder.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** { group: { covered, total, percent } } from c8's coverage-summary.json. */
export function coverageGroups(summaryFile, root) {
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const groups = new Map();
  const add = (name, lines) => {
    const group = groups.get(name) ?? { covered: 0, total: 0 };
    group.covered += lines.covered;
    group.total += lines.total;
    groups.set(name, group);
  };
  for (const [file, { lines }] of Object.entries(summary)) {
    if (file === 'total') continue;
    const path = relative(root, file).replaceAll('\\', '/');
    if (!path.startsWith('src/')) continue;
    const parts = path.split('/');
    add('src', lines);
    add(parts[1] === 'ui' ? 'src/ui' : 'src outside src/ui', lines);
    if (parts.length > 2 && parts[1] !== 'ui') add(`src/${parts[1]}`, lines);
  }
  return Object.fromEntries([...groups].map(([name, { covered, total }]) => [name, { covered, total, percent: total === 0 ? 100 : (100 * covered) / total }]));
}

/** The lines `npm test` prints. */
export function coverageText(groups) {
  const line = (name) => `${name.padEnd(20)} ${groups[name].percent.toFixed(1).padStart(5)} % of ${groups[name].total} lines`;
  const folders = Object.keys(groups).filter((name) => name.startsWith('src/') && name !== 'src/ui').sort();
  return [
    ...['src outside src/ui', 'src/ui', 'src'].filter((name) => groups[name]).map(line),
    `by folder: ${folders.map((name) => `${name.slice(4)} ${groups[name].percent.toFixed(0)} %`).join(', ')}`,
  ].join('\n');
}

/**
 * The test reporter of `npm test`: Node's spec reporter for the tests, without its long
 * per-file coverage table; instead a few lines of line coverage (src/ outside src/ui, src/ui,
 * all of src/, and each folder), and the same figures as JSON in the file named by
 * VNET_DOCTOR_COVERAGE_SUMMARY, which scripts/test.mjs checks against its floor.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Readable } from 'node:stream';
import { spec } from 'node:test/reporters';

const root = process.cwd();

/** Covered and total lines per group of files. */
function summarise(files) {
  const groups = new Map();
  const add = (name, file) => {
    const group = groups.get(name) ?? { covered: 0, total: 0 };
    group.covered += file.coveredLineCount;
    group.total += file.totalLineCount;
    groups.set(name, group);
  };
  for (const file of files) {
    const path = relative(root, file.path).replaceAll('\\', '/');
    if (!path.startsWith('src/')) continue;
    const folder = path.split('/').slice(0, 2).join('/');
    add('src', file);
    add(folder.startsWith('src/ui') ? 'src/ui' : 'src outside src/ui', file);
    if (folder !== 'src/ui' && !folder.endsWith('.ts')) add(folder, file);
  }
  return Object.fromEntries([...groups].map(([name, { covered, total }]) => [name, { covered, total, percent: total === 0 ? 100 : (100 * covered) / total }]));
}

export default async function* reporter(source) {
  let coverage;
  async function* tests() {
    for await (const event of source) {
      if (event.type === 'test:coverage') coverage = summarise(event.data.summary.files);
      else yield event;
    }
  }
  yield* Readable.from(tests()).pipe(spec());
  if (!coverage) return;
  const line = (name) => `${name.padEnd(22)} ${coverage[name].percent.toFixed(1).padStart(5)} % of ${coverage[name].total} lines`;
  const folders = Object.keys(coverage).filter((name) => name.startsWith('src/')).sort();

  yield `\nline coverage (in-process tests; tsx source maps)\n${['src outside src/ui', 'src/ui', 'src'].filter((name) => coverage[name]).map(line).join('\n')}\n`;
  yield `by folder: ${folders.map((name) => `${name.slice(4)} ${coverage[name].percent.toFixed(0)} %`).join(', ')}\n`;
  if (process.env.VNET_DOCTOR_COVERAGE_SUMMARY) writeFileSync(process.env.VNET_DOCTOR_COVERAGE_SUMMARY, JSON.stringify(coverage));
}

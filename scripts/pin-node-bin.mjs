#!/usr/bin/env node
/**
 * prepare (npm install / npm ci in a checkout; never run where the published package is installed):
 * `node_modules/.bin/node` must be Node 24 (the `node` devDependency), the Node that
 * npm scripts run. The `node22` alias (Node 22, for running the end-to-end tests on the oldest
 * Node that `engines` allows) ships a `node` bin too, and npm links whichever it reaches last.
 */
import { existsSync, lstatSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
const target = '../node/bin/node';
if (process.platform !== 'win32' && existsSync(fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url)))) {
  let current;
  try { current = lstatSync(bin).isSymbolicLink() ? readlinkSync(bin) : undefined; } catch { current = undefined; }
  if (current !== target) {
    rmSync(bin, { force: true });
    symlinkSync(target, bin);
  }
}

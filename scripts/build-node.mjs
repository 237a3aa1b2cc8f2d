#!/usr/bin/env node
// Bundles the Node entry points into dist/ with esbuild, so `npm start` runs plain JavaScript:
// no TypeScript is compiled at run time. Packages stay external (they are installed beside it,
// and libsql is a native addon); only our own code, the generated prompts and content go in.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPrompts } from './build-prompts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildNode() {
  buildPrompts();
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'src/entry/node.ts', cli: 'src/entry/cli.ts', migrate: 'src/entry/migrate.ts' },
    // Apart from the Worker's dry-run build (`npm run build:worker`), which also writes under dist/.
    outdir: 'dist/node',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    tsconfig: 'tsconfig.json',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildNode();

#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx loop-coach` works after a plain `npm install`
// with no build step.
import { register } from 'tsx/esm/api';
import { buildPrompts } from '../scripts/build-prompts.mjs';

// The prompt module is generated, not committed; make sure it matches prompts/ before running.
buildPrompts();
register();
await import('../src/entry/cli.ts');

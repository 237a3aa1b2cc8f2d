import { runCli } from '../cli/main.js';
import { serveNode } from './serve-node.js';

// `serve` keeps the process alive through its open server; every other command just ends.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  serve: serveNode,
});

import { readFile } from 'node:fs/promises';
import { runCli } from '../cli/main.js';
import { createChatModel } from '../llm/create-chat-model.js';
import { serveNode } from './serve-node.js';

async function readText(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  if (process.stdin.isTTY) throw new Error('nothing piped in; pass a file or pipe the message in');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

// `serve` keeps the process alive through its open server; every other command just ends.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  readText,
  createModel: createChatModel,
  serve: serveNode,
});

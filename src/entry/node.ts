import { ConfigError, parseConfig } from '../config.js';
import { serveNode } from './serve-node.js';

// `npm start`: the embedded default (libSQL file, offline engine unless a key is set).
try {
  await serveNode(parseConfig(process.env));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

import { runEvals } from './cli.js';

process.exitCode = await runEvals(process.argv.slice(2), process.env);

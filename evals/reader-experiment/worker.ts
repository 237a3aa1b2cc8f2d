import { parentPort } from 'node:worker_threads';
import { Experiment, type Task } from './experiment.js';

// One worker of the pool in lowo.ts: loads the texts once, then runs the tasks it is sent.
const experiment = new Experiment();
parentPort?.on('message', (task: Task) => parentPort?.postMessage(experiment.run(task)));

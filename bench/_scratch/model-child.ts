import { startInstantModel } from '../instant-model.js';
const m = await startInstantModel();
process.send?.(m.url);

import model from './acts-model.json' with { type: 'json' };
import { ActsModelSchema } from './acts-model.js';
import { compileActs } from './learned-acts.js';

/** The act reader shipped with the app: `npm run train:acts` writes acts-model.json. */
const parsed = ActsModelSchema.parse(model);
export const SHIPPED_ACTS = compileActs(parsed, parsed.training.acts);

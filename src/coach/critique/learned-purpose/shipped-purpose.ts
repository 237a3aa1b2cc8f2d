import { compilePurposeModel } from './learned-purpose.js';
import model from './purpose-model.json' with { type: 'json' };
import { PurposeModelSchema } from './purpose-model.js';

/** The detector `npm run train:purpose` fitted on the tuning purpose sets: validated and compiled once, at load. */
export const SHIPPED_PURPOSE = compilePurposeModel(PurposeModelSchema.parse(model));

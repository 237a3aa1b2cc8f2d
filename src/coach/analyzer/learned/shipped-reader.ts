import { compileReader } from './learned-reader.js';
import { ReaderModelSchema } from './reader-model.js';
import model from './reader-model.json' with { type: 'json' };

/** The reader `npm run train:reader` fitted on every labelled writer: validated and compiled once, at load (a few ms of start-up). */
export const SHIPPED_READER = compileReader(ReaderModelSchema.parse(model));

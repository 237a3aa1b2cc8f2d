import pkg from '../package.json' with { type: 'json' };

/** One version for the CLI, the API document and the health of a deployment: package.json's. */
export const VERSION: string = pkg.version;

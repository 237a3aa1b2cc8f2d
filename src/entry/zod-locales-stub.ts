// Replaces zod's bundle of every error-message locale in the Worker build (see wrangler.toml
// [alias]): Loop Coach only speaks English, which zod loads separately, and the other locales
// were a quarter of the Worker bundle. `z.locales` is never used.
export {};

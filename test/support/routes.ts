import { API_INFO, type App } from '../../src/app.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * Every route the app serves, as `METHOD /path/:param`: the router's own table (middleware, which
 * Hono lists as `ALL`, left out) and the OpenAPI document. Batteries compare this with their
 * tables, so a new route cannot slip past them.
 */
export function appRoutes(app: App): string[] {
  const keys = new Set<string>();
  for (const r of app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path.replace(/(.)\/$/, '$1')}`);
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO });
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(item ?? {}).filter((m) => HTTP_METHODS.has(m))) {
      keys.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return [...keys].sort();
}

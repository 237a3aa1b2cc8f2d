import { requestId } from 'hono/request-id';
import type { Deps } from './deps.js';
import { bodyLimit } from './http/body-limit.js';
import { docsRoute } from './http/docs-page.js';
import { jsonBodyOnly } from './http/json-body.js';
import { notFoundHandler, problemHandler } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import { requestLog } from './http/request-log.js';
import { requireUser } from './http/require-user.js';
import { createRouter } from './http/router.js';
import { securityHeaders } from './http/security-headers.js';
import { authRoutes } from './routes/auth.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { draftRoutes } from './routes/drafts.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { passkeyRoutes, signInRoutes } from './routes/passkeys.js';
import { progressRoutes } from './routes/progress.js';
import { relationshipRoutes } from './routes/relationships.js';
import { sessionRoutes } from './routes/sessions.js';
import { uiRoutes } from './ui/ui-routes.js';
import { VERSION } from './version.js';

export const API_INFO = {
  title: 'Loop Coach',
  version: VERSION,
  description: 'Coaching for the Magic Loop: rehearse the conversation with your manager, get feedback on a draft, track progress.',
};

/** The one app both entry points (Node, Worker) serve. Everything outside it arrives in `deps`. */
export function createApp(deps: Deps) {
  const app = createRouter();
  app.onError(problemHandler(deps.log));
  app.notFound(notFoundHandler);
  app.use(requestId());
  app.use(requestLog(deps.log));
  app.use(securityHeaders());

  app.use('/api/*', bodyLimit(deps.config.bodyLimitBytes), jsonBodyOnly());

  // The private API: everything here needs a token (or the pages' cookie). The isolation battery
  // enumerates the app's routes, so a new route left off this list fails it.
  const authed = requireUser(deps);
  for (const path of [
    '/api/auth/logout',
    '/api/me',
    '/api/me/*',
    '/api/drafts',
    '/api/drafts/*',
    '/api/sessions',
    '/api/sessions/*',
    '/api/progress',
    '/api/relationships',
    '/api/relationships/*',
  ]) {
    app.use(path, authed);
  }
  // Starting a rehearsal is a write like a turn: limited the same way (the rest of /api/sessions is limited by its router).
  app.use('/api/sessions', rateLimit(deps));

  app.route('/', healthRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/auth', signInRoutes(deps));
  app.route('/api/me', meRoutes(deps));
  app.route('/api/me', passkeyRoutes(deps));
  app.route('/api/drafts', draftRoutes(deps));
  app.route('/api/sessions', sessionRoutes(deps));
  app.route('/api/progress', progressRoutes(deps));
  app.route('/api/relationships', relationshipRoutes(deps));
  app.route('/api', catalogueRoutes());
  app.route('/', uiRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A token from POST /api/auth/guest. In the second half of its life a token is replaced: that response carries the new one in ' +
      'the Loop-Coach-Token header (its expiry in Loop-Coach-Token-Expires), and the old one works for 60 more seconds.',
  });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: API_INFO });
  const document = () => app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO });
  app.get('/docs', docsRoute(document));
  return app;
}

export type App = ReturnType<typeof createApp>;

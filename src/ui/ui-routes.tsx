import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { isSameOriginWrite } from '../http/same-origin.js';
import { progressOverview } from '../services/progress.js';
import { accountPages } from './account-pages.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { draftPages } from './draft-pages.js';
import { SCRIPT_PATH, STYLE_PATH } from './layout.js';
import { pageUser } from './page-user.js';
import { PASSKEY_SCRIPT, PASSKEY_SCRIPT_PATH } from './passkey-script.js';
import { ErrorPage } from './pages/error-page.js';
import { HomePage } from './pages/home-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { relationshipPages } from './relationship-pages.js';
import { engineName, render, setRetryAfter } from './render.js';
import { sessionPages } from './session-pages.js';
import { STYLESHEET } from './stylesheet.js';

/** Every path a page or a page's form lives under (`/x/*` covers `/x` too). */
const PAGE_PATHS = ['/', '/drafts/*', '/sessions/*', '/relationships/*', '/progress', '/account/*'];
/** The pages showing live state: a cached copy (the back button, a shared proxy) would show a stale session, draft or account. */
const LIVE_PATHS = ['/drafts/*', '/sessions/*', '/relationships/*', '/progress', '/account/*'];
const LIST_LIMIT = 50;

const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
});

/**
 * The web pages, server-rendered on the same app as the API, on Node and the Worker alike. Pages
 * read and write through the same services as the API; the pages' script calls the API.
 */
export function uiRoutes(deps: Deps) {
  const engine = engineName(deps.engine);
  const ui = new Hono<AppEnv>();
  ui.onError((err, c) => {
    if (err instanceof AppError) {
      setRetryAfter(c, err);
      return render(c, <ErrorPage engine={engine} status={err.status} message={err.message} />, err.status);
    }
    deps.log({
      level: 'error',
      msg: 'page failed',
      requestId: c.get('requestId'),
      error: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
    });
    return render(c, <ErrorPage engine={engine} status={500} />, 500);
  });

  for (const path of PAGE_PATHS) {
    ui.use(
      path,
      pageHeaders,
      async (c, next) => {
        // The cookie rides along on other sites' form posts too: a page post must come from our pages.
        if (!isSameOriginWrite(c.req.raw)) {
          return render(c, <ErrorPage engine={engine} status={403} message="This form was sent from another site, so it was refused." />, 403);
        }
        await next();
      },
      bodyLimit({
        maxSize: deps.config.bodyLimitBytes,
        onError: (c) => render(c, <ErrorPage engine={engine} status={413} message="That was more text than a page accepts." />, 413),
      }),
      pageUser(deps),
    );
  }

  for (const path of LIVE_PATHS) {
    ui.use(path, async (c, next) => {
      // Set before the handler, so the error pages and redirects carry it too.
      c.header('cache-control', 'no-store');
      await next();
    });
  }

  const asset = (body: string, type: string) => (c: Context) => c.body(body, 200, { 'content-type': type, 'cache-control': 'no-cache' });
  ui.use('/ui/*', pageHeaders, etag());
  ui.get(STYLE_PATH, asset(STYLESHEET, 'text/css; charset=utf-8'));
  ui.get(SCRIPT_PATH, asset(CLIENT_SCRIPT, 'text/javascript; charset=utf-8'));
  ui.get(PASSKEY_SCRIPT_PATH, asset(PASSKEY_SCRIPT, 'text/javascript; charset=utf-8'));

  ui.get('/', (c) => render(c, <HomePage engine={engine} deleted={c.req.query('deleted') !== undefined} />));

  ui.get('/progress', async (c) => {
    const { progress, sessions, drafts } = await progressOverview(deps, c.get('user').id, LIST_LIMIT);
    return render(c, <ProgressPage engine={engine} progress={progress} sessions={sessions.items} drafts={drafts.items} />);
  });

  ui.route('/', accountPages(deps));
  ui.route('/', draftPages(deps));
  ui.route('/', sessionPages(deps));
  ui.route('/', relationshipPages(deps));
  return ui;
}

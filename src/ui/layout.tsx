import type { Child } from 'hono/jsx';
import { coachName } from './render.js';

export const STYLE_PATH = '/ui/style.css';
export const SCRIPT_PATH = '/ui/app.js';

const NAV = [
  { id: 'home', href: '/', label: 'Home' },
  { id: 'sessions', href: '/sessions/new', label: 'Rehearse' },
  // On a phone the nav is one line, so its longest label is said shorter there.
  { id: 'drafts', href: '/drafts/new', label: 'Draft feedback', short: 'Drafts' },
  { id: 'loops', href: '/relationships', label: 'My loops' },
  { id: 'progress', href: '/progress', label: 'Progress' },
  { id: 'account', href: '/account', label: 'Account' },
] as const;
type NavId = (typeof NAV)[number]['id'];

export interface LayoutProps {
  title: string;
  /** Which nav entry is current, if any. */
  nav?: NavId;
  /** `offline`, or the model name (`engineName`): every page says which engine answers, in plain words. */
  engine: string;
  children?: Child;
}

export function Layout({ title, nav, engine, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === 'Loop Coach' ? title : `${title} · Loop Coach`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={STYLE_PATH} />
        <script src={SCRIPT_PATH} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              Loop<span>Coach</span>
            </a>
            <nav aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li class={`nav-${item.id}`}>
                    <a href={item.href} aria-current={item.id === nav ? 'page' : undefined}>
                      {'short' in item ? (
                        <>
                          <span class="nav-long">{item.label}</span>
                          <span class="nav-short">{item.short}</span>
                        </>
                      ) : (
                        item.label
                      )}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
          {/* The page script's status messages (a reply arrived, a hint, feedback being prepared), read out once each. */}
          <div id="announcer" class="visually-hidden" role="status"></div>
        </main>
        <footer class="site">
          <p>
            Coach: <strong data-engine={engine}>{coachName(engine)}</strong> · <a href="/docs">API</a> · Coaching for the Magic Loop (Ethan Evans).
          </p>
        </footer>
      </body>
    </html>
  );
}

import type { Handler } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Just enough of an OpenAPI 3.1 document to list its operations. */
interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const STYLE = `
body {
  font:
    15px/1.5 system-ui,
    sans-serif;
  max-width: 60rem;
  margin: 0 auto;
  padding: 1rem;
  color: #1d2433;
}
h2 {
  margin-top: 2rem;
  border-top: 1px solid #dde;
  padding-top: 1rem;
  font-size: 1.1rem;
}
code,
pre {
  font:
    13px/1.4 ui-monospace,
    monospace;
}
/* Wrapped, not scrolled: a box that scrolls would have to take keyboard focus to be read. */
pre {
  background: #f5f6f8;
  padding: 0.6rem;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  border-radius: 4px;
}
.m {
  display: inline-block;
  min-width: 4.2rem;
  font-weight: 700;
  text-transform: uppercase;
}
details {
  margin: 0.3rem 0;
}
summary {
  cursor: pointer;
}
`;

/**
 * The docs page's CSP: nothing may load or run, and the one inline style is allowed by its hash,
 * so even an injected tag could do nothing; the page may not be framed (clickjacking).
 */
let docsCsp: Promise<string> | undefined;
function docsPolicy(): Promise<string> {
  // The hash of the style element's text, which is STYLE exactly (it is placed whole, see below).
  docsCsp ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(STYLE)).then((digest) => {
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  });
  return docsCsp;
}

/** `GET /docs`: the reference for `document()`, under its own CSP. */
export function docsRoute(document: () => object): Handler {
  return async (c) => {
    c.header('content-security-policy', await docsPolicy());
    c.header('x-frame-options', 'DENY');
    return c.html(renderDocsPage(document()));
  };
}
const json = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * A browsable API reference rendered on the server from `/openapi.json`'s document. Served from
 * our own origin with no script or CDN, so it works offline, under a strict CSP and on the Worker.
 */
function renderDocsPage(document: object): Promise<HtmlEscapedString> | HtmlEscapedString {
  const doc = document as OpenApiDoc;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item?.[method];
      return op ? [{ path, method, op }] : [];
    }),
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} API</title>
        ${raw(`<style>${STYLE}</style>`)}
      </head>
      <body>
        <header>
          <h1>${doc.info.title} <small>${doc.info.version}</small></h1>
          <p>${doc.info.description ?? ''}</p>
          <p>
            Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors always have the shape
            <code>{"error":{"code","message","details?","retryable?"}}</code>.
          </p>
        </header>
        <main>
          ${operations.map(
            ({ path, method, op }) =>
              html`<section>
                <h2 id="${method}-${path}"><span class="m">${method}</span> <code>${path}</code></h2>
                <p>${op.summary ?? ''}${op.security?.length ? html` <em>(needs a bearer token)</em>` : ''}</p>
                ${
                  op.parameters?.length
                    ? html`<p>
                        Parameters:
                        ${raw(op.parameters.map((p) => `<code>${escape(p.name)}</code> (${escape(p.in)}${p.required ? ', required' : ''})`).join(', '))}
                      </p>`
                    : ''
                }
                ${
                  op.requestBody?.content
                    ? html`<details>
                        <summary>Request body</summary>
                        <pre>${json(op.requestBody.content['application/json']?.schema ?? op.requestBody.content)}</pre>
                      </details>`
                    : ''
                }
                ${Object.entries(op.responses ?? {}).map(
                  ([status, r]) =>
                    html`<details>
                      <summary><strong>${status}</strong> ${r.description ?? ''}</summary>
                      <pre>${json(r.content?.['application/json']?.schema ?? null)}</pre>
                    </details>`,
                )}
              </section>`,
          )}
          <h2 id="schemas">Schemas</h2>
          ${Object.entries(doc.components?.schemas ?? {}).map(
            ([name, schema]) =>
              html`<details id="schema-${name}">
                <summary><code>${name}</code></summary>
                <pre>${json(schema)}</pre>
              </details>`,
          )}
        </main>
      </body>
    </html>`;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

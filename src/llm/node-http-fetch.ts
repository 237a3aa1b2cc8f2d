import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/**
 * A minimal `fetch` over node:http with keep-alive agents, for the OpenAI SDK on the Node entry.
 * Node's built-in fetch costs about 0.6 ms per call in a role-play turn (measured); this path is a
 * fraction of that. It covers what the SDK sends: a method, headers, a string or byte body, and an
 * abort signal. The response is a real `Response` whose body stays the node stream until asked
 * for: `json()`/`text()` read it directly, and only a streamed reply becomes a web stream.
 */
export function createNodeHttpFetch(): typeof fetch {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 256 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 256 }) };
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const isHttps = url.protocol === 'https:';
    const headers: OutgoingHttpHeaders = {};
    const given = init.headers;
    if (given instanceof Headers) given.forEach((value, key) => (headers[key] = value));
    else if (given) new Headers(given).forEach((value, key) => (headers[key] = value));
    const body = init.body;
    let payload: string | Uint8Array | undefined;
    if (typeof body === 'string' || body instanceof Uint8Array) payload = body;
    else if (body instanceof ArrayBuffer) payload = new Uint8Array(body);
    else if (body !== undefined && body !== null) payload = new Uint8Array(await new Response(body).arrayBuffer());
    if (payload !== undefined) headers['content-length'] = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;

    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = (isHttps ? httpsRequest : httpRequest)(
        url,
        { method: init.method ?? 'GET', headers, agent: isHttps ? agents.https : agents.http, ...(signal && { signal }) },
        resolve,
      );
      req.on('error', reject);
      req.end(payload);
    });
    return nodeResponse(res);
  };
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * A `Response` over a node:http response. undici's own body machinery (a web stream adapter, then
 * a reader) costs more than the rest of the call for a small JSON reply, so the body is read from
 * the node stream when consumed whole, and adapted to a web stream only when asked for. It is a
 * real Response (headers, status, instanceof) whose body members read the node stream.
 */
function nodeResponse(res: IncomingMessage): Response {
  const status = res.statusCode ?? 502;
  const headers = new Headers();
  for (const [key, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const response = new Response(null, { status, statusText: res.statusMessage ?? '', headers });
  let stream: ReadableStream<Uint8Array> | null | undefined;
  let used = false;
  if (NO_BODY.has(status)) {
    stream = null;
    res.resume();
  }
  const body = () => {
    if (stream === undefined) stream = Readable.toWeb(res) as ReadableStream<Uint8Array>;
    return stream;
  };
  const bodyUsed = () => used || (stream?.locked ?? false);
  const bytes = async (): Promise<Buffer> => {
    if (bodyUsed()) throw new TypeError('Body is unusable: Body has already been read');
    used = true;
    if (stream === null) return Buffer.alloc(0);
    if (stream !== undefined) return Buffer.from(await new Response(stream).arrayBuffer());
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  };
  const arrayBuffer = async () => {
    const b = await bytes();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  Object.defineProperties(response, {
    body: { get: body },
    bodyUsed: { get: bodyUsed },
    text: { value: async () => (await bytes()).toString('utf8') },
    json: { value: async () => JSON.parse((await bytes()).toString('utf8')) as unknown },
    arrayBuffer: { value: arrayBuffer },
    bytes: { value: async () => new Uint8Array(await arrayBuffer()) },
    blob: { value: async () => new Blob([await arrayBuffer()], { type: headers.get('content-type') ?? '' }) },
    // A clone needs a tee of the body; a Response over the web stream does that.
    clone: { value: () => new Response(body(), { status, statusText: response.statusText, headers }) },
  });
  return response;
}

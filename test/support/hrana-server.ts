// A minimal libSQL-over-HTTP server (Hrana v2, JSON pipeline) backed by an embedded
// libSQL file, so Node tests and workerd can talk to a real libSQL database through
// `@libsql/client/web`. It implements what client 0.18 sends and nothing more:
// no auth, no cursors, no protobuf, no describe.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';

type Value =
  { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };
type Stmt = { sql?: string; sql_id?: number; args?: Value[]; named_args?: { name: string; value: Value }[]; want_rows?: boolean };
type Cond = { type: string; step?: number; cond?: Cond; conds?: Cond[] };
type Req = { type: string; stmt?: Stmt; batch?: { steps: { condition?: Cond | null; stmt: Stmt }[] }; sql?: string; sql_id?: number };
type Stream = { sqls: Map<number, string>; closed: boolean; expired: boolean; timer?: NodeJS.Timeout };

const fail = (code: string, message: string): never => {
  throw Object.assign(new Error(message), { code });
};

// Same shape sqld sends: base SQLite code (what LibsqlError.code is for the embedded client
// too) and a "SQLite error: " prefix. The libsql package reports extended codes
// (SQLITE_CONSTRAINT_UNIQUE); base codes are single words, so the prefix is the base.
function protoError(e: unknown): { message: string; code: string } {
  const { message = String(e), code } = e as { message?: string; code?: unknown };
  const base = typeof code === 'string' ? /^SQLITE_[A-Z]+/.exec(code)?.[0] : undefined;
  if (base) return { message: `SQLite error: ${message}`, code: base };
  return { message, code: typeof code === 'string' ? code : 'INTERNAL_ERROR' };
}

function decodeValue(v: Value): unknown {
  switch (v.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(v.value);
    case 'float':
      return Number(v.value);
    case 'text':
      return v.value;
    case 'blob':
      return Buffer.from(v.base64, 'base64');
    default:
      return fail('PROTO_ERROR', `unknown value type ${(v as { type: string }).type}`);
  }
}

function encodeValue(v: unknown): Value {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number') return { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  return fail('INTERNAL_ERROR', `cannot encode ${typeof v}`);
}

// Binding a plain object makes the libsql native module panic and abort the whole process
// when the statement has a nameless parameter (`?`, or a gap in `?NNN`), so named args are
// refused for SQL that has any `?` outside literals and comments.
const LITERALS_AND_COMMENTS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;

function bindArgs(sql: string, stmt: Stmt): unknown[] | Record<string, unknown> {
  const named = stmt.named_args ?? [];
  if (named.length === 0) return (stmt.args ?? []).map(decodeValue);
  if ((stmt.args ?? []).length > 0) fail('ARGS_BOTH_POSITIONAL_AND_NAMED', 'Specifying both positional and named arguments is not supported');
  if (sql.replace(LITERALS_AND_COMMENTS, ' ').includes('?')) fail('ARGS_INVALID', 'named arguments cannot be bound to SQL with `?` parameters');
  // libsql looks parameters up by their name without the `:`/`@`/`$` prefix.
  return Object.fromEntries(named.map((a) => [a.name.replace(/^[:@$]/, ''), decodeValue(a.value)]));
}

export async function startHranaServer(opts: { dbPath: string; idleTimeoutMs?: number }): Promise<{ url: string; close(): Promise<void> }> {
  const idleTimeoutMs = opts.idleTimeoutMs ?? 10_000;
  const db = new Database(opts.dbPath);
  const streams = new Map<string, Stream>();
  // One connection serves every stream, so a stream that leaves a transaction open owns it
  // until the transaction ends; everyone else queues behind it.
  let owner: Stream | null = null;
  let waiters: (() => void)[] = [];
  let closed = false;

  const release = () => {
    owner = null;
    const wake = waiters;
    waiters = [];
    wake.forEach((w) => w());
  };
  const rollbackIfOpen = () => {
    if (db.inTransaction) db.exec('ROLLBACK');
  };
  const counters = (): [bigint, bigint] => db.prepare('SELECT total_changes(), last_insert_rowid()').raw(true).safeIntegers(true).all()[0] as [bigint, bigint];

  const sqlOf = (stream: Stream, x: { sql?: string | null; sql_id?: number | null }): string =>
    x.sql ?? (x.sql_id != null ? stream.sqls.get(x.sql_id) : undefined) ?? fail('SQL_NOT_FOUND', `SQL text not found (sql_id ${x.sql_id})`);

  function execute(stream: Stream, stmt: Stmt) {
    const sql = sqlOf(stream, stmt);
    const args = bindArgs(sql, stmt);
    const prepared = db.prepare(sql);
    if (!prepared.reader) {
      const info = prepared.run(args);
      return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: counters()[1].toString() };
    }
    prepared.raw(true).safeIntegers(true);
    // all() gives rows but no change count, and `INSERT ... RETURNING` is a reader that writes.
    const [before] = counters();
    const rows = prepared.all(args) as unknown[][];
    const [after, rowid] = counters();
    return {
      cols: prepared.columns().map((c) => ({ name: c.name, decltype: c.type })),
      rows: stmt.want_rows === false ? [] : rows.map((r) => r.map(encodeValue)),
      affected_row_count: Number(after - before),
      last_insert_rowid: rowid.toString(),
    };
  }

  function batch(stream: Stream, steps: { condition?: Cond | null; stmt: Stmt }[]) {
    const outcome: (boolean | undefined)[] = []; // true ok, false error, undefined skipped
    const holds = (c: Cond): boolean => {
      switch (c.type) {
        case 'ok':
          return outcome[c.step ?? -1] === true;
        case 'error':
          return outcome[c.step ?? -1] === false;
        case 'not':
          return !holds(c.cond ?? fail('PROTO_ERROR', 'not without cond'));
        case 'and':
          return (c.conds ?? []).every(holds);
        case 'or':
          return (c.conds ?? []).some(holds);
        case 'is_autocommit':
          return !db.inTransaction;
        default:
          return fail('PROTO_ERROR', `unknown condition ${c.type}`);
      }
    };
    const step_results: unknown[] = [];
    const step_errors: unknown[] = [];
    for (const step of steps) {
      let result = null;
      let error = null;
      if (!step.condition || holds(step.condition)) {
        try {
          result = execute(stream, step.stmt);
        } catch (e) {
          error = protoError(e);
        }
      }
      outcome.push(result ? true : error ? false : undefined);
      step_results.push(result);
      step_errors.push(error);
    }
    return { step_results, step_errors };
  }

  function handle(stream: Stream, req: Req): object {
    if (stream.closed) fail('STREAM_CLOSED', 'stream is closed');
    switch (req.type) {
      case 'execute':
        return { type: 'execute', result: execute(stream, req.stmt ?? fail('PROTO_ERROR', 'missing stmt')) };
      case 'batch':
        return { type: 'batch', result: batch(stream, req.batch?.steps ?? []) };
      case 'sequence':
        db.exec(sqlOf(stream, req));
        return { type: 'sequence' };
      case 'store_sql':
        stream.sqls.set(req.sql_id ?? -1, req.sql ?? '');
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(req.sql_id ?? -1);
        return { type: 'close_sql' };
      case 'get_autocommit':
        return { type: 'get_autocommit', is_autocommit: !db.inTransaction };
      case 'close':
        rollbackIfOpen();
        stream.closed = true;
        return { type: 'close' };
      default:
        return fail('PROTO_ERROR', `unsupported request type ${req.type}`);
    }
  }

  // The client drops a stream on any 4xx/5xx, and reads the body as an error only when the
  // content type is exactly application/json.
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function pipeline(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: { baton?: string | null; requests: Req[] };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (!Array.isArray(body.requests)) throw new Error('requests must be an array');
    } catch (e) {
      return send(res, 400, { message: `bad pipeline body: ${(e as Error).message}`, code: 'PROTO_ERROR' });
    }
    let stream: Stream;
    if (body.baton == null) {
      stream = { sqls: new Map(), closed: false, expired: false };
    } else {
      const found = streams.get(body.baton);
      // Batons are single use: forget it now so a replay (or a concurrent duplicate) is refused.
      streams.delete(body.baton);
      if (!found) return send(res, 400, { message: 'unknown baton', code: 'STREAM_UNKNOWN' });
      if (found.expired) return send(res, 400, { message: 'stream expired', code: 'STREAM_EXPIRED' });
      stream = found;
    }
    clearTimeout(stream.timer);
    while (owner && owner !== stream) await new Promise<void>((r) => waiters.push(r));
    if (closed) return send(res, 503, { message: 'server closed', code: 'SERVER_CLOSED' });

    // Everything from here to the reply is synchronous, so pipelines never interleave.
    const results = body.requests.map((r) => {
      try {
        return { type: 'ok', response: handle(stream, r) };
      } catch (e) {
        return { type: 'error', error: protoError(e) };
      }
    });
    if (db.inTransaction) owner = stream;
    else if (owner === stream) release();

    let baton: string | null = null;
    if (!stream.closed) {
      baton = randomBytes(16).toString('hex');
      streams.set(baton, stream);
      stream.timer = setTimeout(() => {
        stream.expired = true;
        if (owner === stream) {
          rollbackIfOpen();
          release();
        }
      }, idleTimeoutMs).unref();
    }
    send(res, 200, { baton, base_url: null, results });
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    if (req.method === 'POST' && (path === '/v2/pipeline' || path === '/v3/pipeline')) {
      pipeline(req, res).catch((e) => send(res, 500, { message: String(e), code: 'INTERNAL_ERROR' }));
    } else if (req.method === 'GET' && (path === '' || path === '/v2' || path === '/v3' || path === '/health')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else {
      // Includes /v3-protobuf, so a v3-probing client falls back to v2 JSON.
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (closed) return;
      closed = true;
      for (const s of streams.values()) clearTimeout(s.timer);
      release();
      const done = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await done;
      rollbackIfOpen();
      db.close();
    },
  };
}

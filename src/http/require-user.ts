import type { MiddlewareHandler } from 'hono';
import { hashToken } from '../auth/tokens.js';
import { findUserByTokenHash } from '../db/queries/users.js';
import type { Deps } from '../deps.js';
import { UnauthorizedError } from '../errors.js';
import type { AppEnv } from './app-env.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Puts the token's user on the context, or answers 401 with one message whatever was wrong. */
export function requireUser(deps: Pick<Deps, 'db' | 'now'>): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) {
      throw new UnauthorizedError('Send "Authorization: Bearer <token>"; get a token from POST /api/auth/guest.');
    }
    const found = await findUserByTokenHash(deps.db, await hashToken(token), deps.now());
    if (!found) throw new UnauthorizedError('The token is unknown, expired or revoked; get a new one from POST /api/auth/guest.');
    c.set('user', found.user);
    c.set('tokenId', found.tokenId);
    await next();
  };
}

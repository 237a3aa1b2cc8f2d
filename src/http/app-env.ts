import type { RequestIdVariables } from 'hono/request-id';
import type { User } from '../services/account.js';

/** What middleware puts on the context for the routes after it. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** Set by `requireUser` on authenticated routes. */
    user: User;
    /** Id of the token the request came with, so logout can revoke exactly it. */
    tokenId: string;
  };
}

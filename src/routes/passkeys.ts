import { createRoute, z } from '@hono/zod-openapi';
import { userText } from '../coach/user-text.js';
import type { Deps } from '../deps.js';
import { PageQuerySchema, pageSchema } from '../http/pagination.js';
import { errorResponses } from '../http/problem.js';
import { createRouter } from '../http/router.js';
import { adoptSignIn, relyingParty } from '../http/sign-in.js';
import {
  addPasskey,
  createRecoveryCode,
  listPasskeys,
  recoveryCodeStatus,
  registrationOptions,
  removePasskey,
  signInOptions,
  signInWithPasskey,
  signInWithRecoveryCode,
  type PasskeyListing,
  type SignedIn,
} from '../services/passkeys.js';
import { UserSchema, userJson } from './user-schema.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const security = [{ bearer: [] }];
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

// WebAuthn's JSON forms of a credential (what `PublicKeyCredential.toJSON()` gives); fields beyond these are ignored.
const RegistrationCredentialSchema = z
  .object({
    id: base64url(1_400),
    rawId: base64url(1_400),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: base64url(4_096),
      attestationObject: base64url(16_384),
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
  })
  .openapi('RegistrationCredential');

const AuthenticationCredentialSchema = z
  .object({
    id: base64url(1_400),
    rawId: base64url(1_400),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: base64url(4_096),
      authenticatorData: base64url(4_096),
      signature: base64url(2_048),
      userHandle: base64url(256).nullable().optional(),
    }),
  })
  .openapi('AuthenticationCredential');

const PasskeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    /** Synced to the person's other devices by their passkey provider (as the authenticator last said). */
    backedUp: z.boolean(),
  })
  .openapi('Passkey');

const passkeyJson = (p: PasskeyListing): z.infer<typeof PasskeySchema> => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt ? p.lastUsedAt.toISOString() : null,
  backedUp: p.backedUp,
});

const CredentialDescriptorSchema = z.object({ type: z.literal('public-key'), id: z.string(), transports: z.array(z.string()).optional() });

const RegistrationOptionsSchema = z
  .object({
    challenge: z.string(),
    rp: z.object({ id: z.string(), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
    timeout: z.number().int(),
    attestation: z.literal('none'),
    authenticatorSelection: z.object({ residentKey: z.literal('required'), requireResidentKey: z.boolean(), userVerification: z.literal('preferred') }),
    excludeCredentials: z.array(CredentialDescriptorSchema),
  })
  .openapi('PasskeyRegistrationOptions', {
    description: "`navigator.credentials.create`'s `publicKey`, binary fields in base64url (`PublicKeyCredential.parseCreationOptionsFromJSON` takes it).",
  });

const SignInOptionsSchema = z
  .object({ challenge: z.string(), rpId: z.string(), timeout: z.number().int(), userVerification: z.literal('preferred') })
  .openapi('PasskeySignInOptions', {
    description: "`navigator.credentials.get`'s `publicKey`, binary fields in base64url. No `allowCredentials`: the passkey is discoverable.",
  });

const SignedInSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as "Authorization: Bearer <token>". Shown once; only its hash is stored.' }),
    expiresAt: z.iso.datetime(),
    user: UserSchema,
  })
  .openapi('SignIn');

const signedInJson = (s: SignedIn) => ({ token: s.token, expiresAt: s.expiresAt.toISOString(), user: userJson(s.user) });

const RecoveryCodeStatusSchema = z.object({ recoveryCode: z.object({ createdAt: z.iso.datetime() }).nullable() }).openapi('RecoveryCodeStatus');

const NewRecoveryCodeSchema = z
  .object({
    code: z.string().openapi({ example: 'K7QF-M2XH-D9TR-4BNW-ZC6P', description: 'Shown this once; only its hash is stored. It signs in once.' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('RecoveryCode');

const IdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const registerOptions = createRoute({
  method: 'post',
  path: '/passkeys/options',
  tags: ['account'],
  summary: 'Start adding a passkey: the options for navigator.credentials.create',
  security,
  responses: { 200: json(RegistrationOptionsSchema, 'The options, with a challenge good for 5 minutes'), ...errorResponses(400, 401, 422) },
});
const register = createRoute({
  method: 'post',
  path: '/passkeys',
  tags: ['account'],
  summary: 'Add a passkey: the credential navigator.credentials.create made from the options',
  security,
  request: body(z.object({ name: userText().trim().max(60).optional(), credential: RegistrationCredentialSchema })),
  responses: {
    201: json(PasskeySchema, 'Added'),
    ...errorResponses(400, 401, 413, 422),
  },
});
const list = createRoute({
  method: 'get',
  path: '/passkeys',
  tags: ['account'],
  summary: 'Your passkeys, oldest first',
  security,
  request: { query: PageQuerySchema },
  responses: { 200: json(pageSchema(PasskeySchema), 'A page of passkeys'), ...errorResponses(400, 401) },
});
const remove = createRoute({
  method: 'delete',
  path: '/passkeys/{id}',
  tags: ['account'],
  summary: 'Remove a passkey: it no longer signs in',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 404) },
});
const codeStatus = createRoute({
  method: 'get',
  path: '/recovery-code',
  tags: ['account'],
  summary: 'Whether you have a recovery code, and since when (never the code)',
  security,
  responses: { 200: json(RecoveryCodeStatusSchema, 'The status'), ...errorResponses(401) },
});
const newCode = createRoute({
  method: 'post',
  path: '/recovery-code',
  tags: ['account'],
  summary: 'Create a recovery code, shown this once; an earlier one stops working',
  security,
  responses: { 201: json(NewRecoveryCodeSchema, 'The code'), ...errorResponses(400, 401) },
});

const passkeyOptions = createRoute({
  method: 'post',
  path: '/passkey/options',
  tags: ['auth'],
  summary: 'Start signing in with a passkey: the options for navigator.credentials.get',
  responses: { 200: json(SignInOptionsSchema, 'The options, with a challenge good for 5 minutes'), ...errorResponses(400, 429) },
});
const passkeySignIn = createRoute({
  method: 'post',
  path: '/passkey',
  tags: ['auth'],
  summary: 'Sign in with a passkey: a new token for its account (and, from our pages, the cookie)',
  request: body(z.object({ credential: AuthenticationCredentialSchema })),
  responses: { 200: json(SignedInSchema, 'Signed in'), ...errorResponses(400, 401, 413, 429) },
});
const codeSignIn = createRoute({
  method: 'post',
  path: '/recovery-code',
  tags: ['auth'],
  summary: 'Sign in with a recovery code, which is used up: a new token for its account (and, from our pages, the cookie)',
  request: body(z.object({ code: z.string().max(64) })),
  responses: { 200: json(SignedInSchema, 'Signed in'), ...errorResponses(400, 401, 429) },
});

/** Mounted at /api/me behind `requireUser`: the signed-in guest's passkeys and recovery code. */
export function passkeyRoutes(deps: Deps) {
  return createRouter()
    .openapi(registerOptions, async (c) => c.json(await registrationOptions(deps, c.get('user'), relyingParty(deps, c)), 200))
    .openapi(register, async (c) => {
      const passkey = await addPasskey(deps, c.get('user').id, relyingParty(deps, c), c.req.valid('json'));
      return c.json(passkeyJson(passkey), 201);
    })
    .openapi(list, async (c) => {
      const page = await listPasskeys(deps, c.get('user').id, c.req.valid('query'));
      return c.json({ items: page.items.map(passkeyJson), nextCursor: page.nextCursor }, 200);
    })
    .openapi(remove, async (c) => {
      await removePasskey(deps, c.get('user').id, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(codeStatus, async (c) => {
      const status = await recoveryCodeStatus(deps, c.get('user').id);
      return c.json({ recoveryCode: status && { createdAt: status.createdAt.toISOString() } }, 200);
    })
    .openapi(newCode, async (c) => {
      const { code, createdAt } = await createRecoveryCode(deps, c.get('user').id);
      return c.json({ code, createdAt: createdAt.toISOString() }, 201);
    });
}

/** Mounted at /api/auth, public: signing in to an account someone kept, with a passkey or a recovery code. Limited per client address. */
export function signInRoutes(deps: Deps) {
  return createRouter()
    .openapi(passkeyOptions, async (c) => c.json(await signInOptions(deps, relyingParty(deps, c), deps.clientAddress?.(c)), 200))
    .openapi(passkeySignIn, async (c) => {
      const signedIn = await signInWithPasskey(deps, relyingParty(deps, c), deps.clientAddress?.(c), c.req.valid('json').credential);
      await adoptSignIn(deps, c, signedIn);
      return c.json(signedInJson(signedIn), 200);
    })
    .openapi(codeSignIn, async (c) => {
      const signedIn = await signInWithRecoveryCode(deps, deps.clientAddress?.(c), c.req.valid('json').code);
      await adoptSignIn(deps, c, signedIn);
      return c.json(signedInJson(signedIn), 200);
    });
}

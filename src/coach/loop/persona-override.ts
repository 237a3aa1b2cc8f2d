import { z } from '@hono/zod-openapi';

/**
 * What a rehearsal with a real person changes in the persona that plays them, beyond the name
 * (which, like any rehearsal's, is the session context's `managerName` or `reportName`): their
 * role, how they talk (free text, or null for the persona's own manner) and what the user already
 * knows they care about. Built from the relationship when the rehearsal starts and kept with the
 * session, so later edits of the relationship do not change a rehearsal under way.
 */
export const PersonaOverrideSchema = z
  .object({
    role: z.string().nullable(),
    style: z.string().nullable(),
    priorities: z.array(z.string()),
  })
  .openapi('RehearsalPersona');
export type PersonaOverride = z.infer<typeof PersonaOverrideSchema>;

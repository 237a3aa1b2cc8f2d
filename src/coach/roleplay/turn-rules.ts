import type { Config } from '../../config.js';
import { AppError, PayloadTooLargeError, RuleViolationError, ValidationError } from '../../errors.js';
import { callDeadlineMs } from '../../llm/chat-model.js';
import { isStorableText, UNSTORABLE_MESSAGE } from '../user-text.js';

/**
 * The longest a turn may hold the session, heartbeats or not. A turn makes at most four model
 * calls (its reading, a summary fold, the reply, and one regeneration of a reply that leaked;
 * ending makes a critique and one repair), each ending within its deadline, so a live turn always
 * finishes before this; a holder that somehow does not stops renewing its lease here.
 */
export function turnDeadlineMs(config: Config): number {
  const call = (timeoutMs: number) => callDeadlineMs({ timeoutMs, maxRetries: config.modelRetries });
  return Math.max(4 * call(config.modelTimeoutMs), 2 * call(config.critiqueTimeoutMs)) + 10_000;
}

/** Why a turn's text cannot be stored, if it cannot. */
export function textError(config: Config, text: string): AppError | undefined {
  // The API's schema refuses such text already; a web page's form post arrives here unchecked.
  if (!isStorableText(text)) return new ValidationError(`The turn ${UNSTORABLE_MESSAGE}.`, { details: [{ path: 'text', message: UNSTORABLE_MESSAGE }] });
  if (text.length > config.turnMaxChars) {
    return new PayloadTooLargeError(`A turn can have at most ${config.turnMaxChars} characters; this one has ${text.length}.`);
  }
  return undefined;
}

/** Refuses a turn in a session that has ended or used up its turns. */
export function checkTurnAllowed(session: { status: string; userTurns: number }, config: Config): void {
  if (session.status === 'ended') throw new RuleViolationError('session_ended', 'This session has ended; start a new one to rehearse again.');
  if (session.userTurns >= config.maxTurns) {
    throw new RuleViolationError('turn_limit', `This session has reached its limit of ${config.maxTurns} turns; end it to get your feedback.`);
  }
}

export const LOCKED_MESSAGE = 'A reply is already being produced in this session; wait for it, then send your next turn.';

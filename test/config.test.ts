import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MODEL, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('has a default for everything, and picks the offline engine without a key', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8787,
      databaseUrl: 'file:data/loop-coach.db',
      provider: 'offline',
      model: 'offline',
      modelTimeoutMs: 30_000,
      modelRetries: 2,
      rateLimitPerMinute: 30,
      tokenTtlMs: 30 * 86_400_000,
    });
  });

  it('auto picks openai when a key is set, with the default model unless one is named', () => {
    expect(parseConfig({ OPENAI_API_KEY: 'sk-test' })).toMatchObject({ provider: 'openai', model: DEFAULT_MODEL });
    expect(parseConfig({ OPENAI_API_KEY: 'sk-test', LOOP_COACH_MODEL: 'llama3' }).model).toBe('llama3');
    expect(parseConfig({ OPENAI_API_KEY: 'sk-test', LOOP_COACH_PROVIDER: 'offline' }).provider).toBe('offline');
  });

  it('gives each job a model, LOOP_COACH_MODEL unless its own variable names another', () => {
    expect(parseConfig({ OPENAI_API_KEY: 'k', LOOP_COACH_MODEL: 'm' }).models).toEqual({ persona: 'm', critique: 'm', classifier: 'm', hint: 'm' });
    const config = parseConfig({
      OPENAI_API_KEY: 'k',
      LOOP_COACH_MODEL: 'm',
      LOOP_COACH_PERSONA_MODEL: 'p',
      LOOP_COACH_CRITIQUE_MODEL: 'c',
      LOOP_COACH_CLASSIFIER_MODEL: 'off',
      LOOP_COACH_HINT_MODEL: 'h',
    });
    expect(config.models).toEqual({ persona: 'p', critique: 'c', classifier: 'off', hint: 'h' });
    // What /healthz names and replies are stored with: the persona's.
    expect(config.model).toBe('p');
    expect(parseConfig({ LOOP_COACH_PERSONA_MODEL: 'p' }).models.persona).toBe('offline');
  });

  it('gives critiques their own timeout, never shorter than the model timeout unless set, and a 20 s turn-lock lease', () => {
    expect(parseConfig({})).toMatchObject({ critiqueTimeoutMs: 120_000, lockLeaseMs: 20_000 });
    expect(parseConfig({ LOOP_COACH_MODEL_TIMEOUT_MS: '300000' }).critiqueTimeoutMs).toBe(300_000);
    expect(parseConfig({ LOOP_COACH_CRITIQUE_TIMEOUT_MS: '5000', LOOP_COACH_LOCK_LEASE_MS: '4000' })).toMatchObject({
      critiqueTimeoutMs: 5_000,
      lockLeaseMs: 4_000,
    });
    expect(() => parseConfig({ LOOP_COACH_LOCK_LEASE_MS: '10' })).toThrow(/LOOP_COACH_LOCK_LEASE_MS/);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', OPENAI_API_KEY: '' })).toMatchObject({ port: 8787, provider: 'offline' });
  });

  it('allows turning rate limiting off with 0', () => {
    expect(parseConfig({ LOOP_COACH_RATE_LIMIT: '0' }).rateLimitPerMinute).toBe(0);
  });

  it('names every bad variable and what it got, in one error', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', LOOP_COACH_PROVIDER: 'gemini', OPENAI_BASE_URL: 'not a url', DATABASE_URL: 'postgres://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('LOOP_COACH_PROVIDER');
    expect(message).toContain('OPENAI_BASE_URL');
    expect(message).toContain('DATABASE_URL');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('requires a key when openai is forced, and never echoes secrets', () => {
    expect(() => parseConfig({ LOOP_COACH_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY.*required/);
  });
});

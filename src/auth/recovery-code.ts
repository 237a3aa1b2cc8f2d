/**
 * Recovery codes: 100 random bits as 20 characters of Crockford's base32 (no I, L, O or U, so
 * nothing reads as another character), shown in five groups of four. Shown to the person once;
 * only the SHA-256 of the normalised code is stored, like a token's.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20;

export function generateRecoveryCode(): string {
  // 32 symbols: each byte's low five bits are uniform.
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/**
 * The code as typed, in its one stored form: any case, spaces and dashes anywhere, and the letters
 * people mistake for digits (O for 0, I and L for 1) read as the digits. Undefined when it cannot
 * be a code, so it is refused before it is hashed or looked up.
 */
export function normaliseRecoveryCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

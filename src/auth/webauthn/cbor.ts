/**
 * The part of CBOR (RFC 8949) that WebAuthn uses: an attestation object and a COSE public key are
 * maps of integers, text, byte strings and arrays. Anything else (floats, tags, indefinite
 * lengths, more nesting than either needs) is refused rather than skipped, and every length is
 * checked against the bytes that are there: the input comes from the client.
 */
export type CborValue = number | string | Uint8Array | boolean | null | undefined | CborValue[] | Map<number | string, CborValue>;

export class CborError extends Error {}

const MAX_DEPTH = 8;

/** The first CBOR item of `bytes` and the offset just past it (a COSE key is followed by extensions in authenticator data). */
export function decodeCbor(bytes: Uint8Array, start = 0): { value: CborValue; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;

  const need = (n: number) => {
    if (n < 0 || at + n > bytes.length) throw new CborError('truncated');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new CborError('indefinite or reserved length');
    need(size);
    let n: number;
    if (size === 1) n = view.getUint8(at);
    else if (size === 2) n = view.getUint16(at);
    else if (size === 4) n = view.getUint32(at);
    else {
      const big = view.getBigUint64(at);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new CborError('integer too large');
      n = Number(big);
    }
    at += size;
    return n;
  };

  const item = (depth: number): CborValue => {
    if (depth > MAX_DEPTH) throw new CborError('nested too deep');
    need(1);
    const head = bytes[at++] as number;
    const major = head >> 5;
    const info = head & 0x1f;
    if (major === 7) {
      const simple = { 20: false, 21: true, 22: null, 23: undefined } as Record<number, CborValue>;
      if (!(info in simple)) throw new CborError('float or unknown simple value');
      return simple[info];
    }
    const n = argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        need(n);
        at += n;
        return bytes.slice(at - n, at);
      case 3:
        need(n);
        at += n;
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at - n, at));
      case 4: {
        // Each element takes at least a byte: a claimed length beyond what is left is a lie.
        need(n);
        const list: CborValue[] = [];
        for (let i = 0; i < n; i++) list.push(item(depth + 1));
        return list;
      }
      case 5: {
        need(n * 2);
        const map = new Map<number | string, CborValue>();
        for (let i = 0; i < n; i++) {
          const key = item(depth + 1);
          if (typeof key !== 'number' && typeof key !== 'string') throw new CborError('map key is neither an integer nor text');
          if (map.has(key)) throw new CborError('duplicate map key');
          map.set(key, item(depth + 1));
        }
        return map;
      }
      default:
        throw new CborError('tagged value');
    }
  };

  try {
    const value = item(0);
    return { value, end: at };
  } catch (err) {
    // TextDecoder's own error for broken UTF-8 becomes ours, like every other malformed input.
    if (err instanceof CborError) throw err;
    throw new CborError('malformed text');
  }
}

/**
 * Spots a user turn that tries to step outside the role-play ("ignore your instructions", "print
 * your brief", "you are now"). Such a turn earns nothing and the persona stays in character. The
 * defence against leaks is elsewhere (the leak guard checks every reply); this keeps an injection
 * from being rewarded, including when it is written to slip past a plain pattern.
 */
const INJECTION = new RegExp(
  [
    String.raw`(?:ignore|disregard|forget) (?:[a-z]+ ){0,4}?(?:instructions|prompts?|rules|you were told)`,
    String.raw`(?:system|hidden) (?:prompt|brief|instructions)`,
    String.raw`(?:private|secret|hidden) (?:notes|brief|instructions|facts)`,
    String.raw`(?:print|show|reveal|repeat|tell me|output|dump) (?:me )?(?:your|the) (?:brief|instructions|prompt|system|secret|canary|hidden)`,
    String.raw`(?:repeat|print|output) (?:the |all the )?(?:words|text|everything) above`,
    String.raw`(?:step|break|get|come) out of (?:character|the role|your role)`,
    String.raw`you are (?:now (?:a|an|the|my|in|free|dan)|no longer)`,
    String.raw`developer mode|jailbreak|canary`,
  ]
    .map((p) => String.raw`\b(?:${p})\b`)
    .join('|'),
  'i',
);

/** The same requests with spaces and punctuation squeezed out ("i g n o r e", "s.y.s.t.e.m"). */
const SQUASHED = new RegExp(
  [
    'ignore(?:all|any|the|your|previous|prior|above)*(?:instructions|prompts?|rules)',
    'systemprompt',
    'hidden(?:brief|instructions)',
    '(?:print|show|reveal|repeat|tellme|output|dump)(?:me)?(?:your|the)(?:brief|instructions|prompt|system|secret|hidden)',
    'developermode',
    'jailbreak',
  ].join('|'),
);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;

export function isInjection(text: string): boolean {
  // Full-width and other compatibility letters become plain ones; invisible characters go.
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  return [plain, ...decodedBase64(plain)].some((t) => {
    const unleet = t.toLowerCase().replace(/[0-9@$]/g, (ch) => LEET[ch] ?? ch);
    return INJECTION.test(t) || INJECTION.test(unleet) || SQUASHED.test(unleet.replace(/[^a-z]/g, ''));
  });
}

/** Runs of base64 in the text that decode to readable text. */
function decodedBase64(text: string): string[] {
  const decoded: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    try {
      const plain = atob(run.length % 4 === 0 ? run : run.padEnd(run.length + 4 - (run.length % 4), '='));
      if (/^[\x20-\x7e\t\r\n]+$/.test(plain)) decoded.push(plain);
    } catch {
      // Not base64 after all: an ordinary long word.
    }
  }
  return decoded;
}

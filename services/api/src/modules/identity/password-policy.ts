import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
// The English messages only: the bundle leaves out the English package's dictionaries.
import { translations } from '@zxcvbn-ts/language-en';
import { AppError } from '../../lib/problems.js';

/**
 * NIST SP 800-63B §3.1.1.2: besides the length the schema checks, refuse passwords that are
 * common, expected or compromised, and those built from the account's own context (email, names).
 * zxcvbn-ts estimates how many guesses a password takes against its lists of common passwords,
 * keyboard walks, repeats and sequences, and against the words given as context; score 3 means
 * about 10^8 guesses or more, what the library calls safely unguessable for a slow hash such as
 * Argon2id.
 */
const MINIMUM_SCORE = 3;

// The lists take about 13 MiB of heap and 1.6 MB of code: loaded on the first check, not at
// start-up (the bundle leaves them in node_modules).
let checker: Promise<ZxcvbnFactory> | undefined;
const strength = () => {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    return new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, translations });
  })();
  return checker;
};

/** The words of an account's context: the email, its local part and domain, and names. */
function contextWords(context: string[]): string[] {
  const words = new Set<string>();
  for (const value of context) {
    const lower = value.trim().toLowerCase();
    if (!lower) continue;
    words.add(lower);
    for (const part of lower.split(/[@.\s_+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Refuses a weak password with a 400 whose `errors` say why at `path`; `context` lists what the
 * password must not be built from (the email, the person's and organisation's names).
 */
export async function requireStrongPassword(
  password: string,
  context: string[],
  path: string,
): Promise<void> {
  const words = contextWords(context);
  const lower = password.toLowerCase();
  const result = (await strength()).check(password, words);
  let reason: string | undefined;
  if (words.includes(lower)) {
    reason = 'must not be your email address or a name';
  } else if (result.score < MINIMUM_SCORE) {
    const { warning, suggestions } = result.feedback;
    reason = [warning ?? 'is too easy to guess', ...suggestions].join(' ');
  }
  if (reason) {
    throw new AppError(
      'validation-failed',
      'Choose a less guessable password: a few uncommon words make a strong one.',
      { errors: [{ path, message: reason }] },
    );
  }
}

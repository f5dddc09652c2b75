/**
 * What each modifier does in a text: intensify, diminish, negate or contrast the words around it.
 */
import type { Modifiers } from './lexicon';
import { phraseAt, type Token } from './tokenize';

/** A modifier's part in a text. */
export interface Role {
  /** 'turn' for negations, contrasts and concessions: they never carry a rating themselves. */
  role: 'boost' | 'damp' | 'turn';
  /** Where the modifier's words start: one of several words counts once. */
  start: number;
  /** One of several words ("un peu", "kind of"): never rated on its own. */
  phrase: boolean;
}

/** The modifiers of a text, by token: intensifiers, diminishers, negations, contrasts. */
export function modifierRoles(tokens: readonly Token[], m: Modifiers): (Role | undefined)[] {
  const roles: (Role | undefined)[] = tokens.map(() => undefined);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word') continue;
    if (m.ne.has(t.norm) || m.loose.has(t.norm))
      roles[i] = { role: 'turn', start: i, phrase: false };
    for (const [role, set] of [
      ['boost', m.boosters],
      ['damp', m.dampeners],
      ['turn', m.contrast],
      ['turn', m.concession],
    ] as const) {
      const n = phraseAt(tokens, i, set);
      for (let k = i; k < i + n; k++) {
        if (n > 1 || !roles[k]) roles[k] = { role, start: i, phrase: n > 1 };
      }
    }
  }
  return roles;
}

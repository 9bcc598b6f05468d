// Which of a Popolo file's other names become aliases, and of which kind (docs/import-format.md, "Aliases"):
// a few names reviewed by hand (an insult, a misspelling, a predecessor's names), then rules on the name itself.
// Pure; the kinds are src/dataset/schema.ts `AliasKind`.
import type { z } from 'zod';
import type { AliasKind } from '../dataset/schema.js';
import { matchScore } from '../search/fold.js';
import { scriptOf } from './popolo.js';

export type Kind = z.infer<typeof AliasKind>;

/** A reviewed other name: its kind, or the predecessor party it names (then it is no alias), and why. */
export interface ReviewedName {
  name: string;
  kind?: Kind;
  /** The predecessor's name: the other name is one of its names, recorded as the party's predecessor. */
  predecessor?: string;
  reason: string;
}

/**
 * Other names reviewed by hand, by the Wikidata id of the organisation that carries them. EveryPolitician takes
 * a party's other names from Wikidata's labels and aliases in every language, where insults, misspellings and a
 * predecessor's names sit beside the party's names; the file does not say which is which.
 */
export const reviewedNames: Readonly<Record<string, readonly ReviewedName[]>> = {
  // Nur Otan (today Amanat).
  Q1195092: [
    { name: 'Ұрылармен қарақшылармен партиясы', kind: 'PEJORATIVE', reason: 'Kazakh for "party of thieves and robbers": an insult, not a name the party bears' },
    { name: 'Нур Отар', kind: 'MISSPELLING', reason: '"Отар" for "Отан" (a typing error in a Russian label)' },
    { name: 'Отан', predecessor: 'Otan', reason: 'Otan, the party Nur Otan was formed from in 2006' },
    { name: 'Otan', predecessor: 'Otan', reason: 'Otan, the party Nur Otan was formed from in 2006' },
    { name: 'Партия Отан', predecessor: 'Otan', reason: '"Otan party": the predecessor' },
    { name: 'Республиканская политическая партия', predecessor: 'Otan', reason: "the first words of Otan's full name, Республиканская политическая партия «Отан»" },
  ],
};

/**
 * How a Popolo `other_name`'s `note` writes each kind (our export writes it; the import reads it back): Popolo has
 * no field for the kind of a name, and `note` is its free text about the name.
 */
export const aliasKindNotes: Readonly<Record<Kind, string>> = {
  OFFICIAL: 'official name',
  FORMER: 'former name',
  ABBREVIATION: 'abbreviation',
  SPELLING: 'spelling',
  TRANSLITERATION: 'transliteration',
  TRANSLATION: 'translation',
  NICKNAME: 'nickname',
  PEJORATIVE: 'pejorative',
  MISSPELLING: 'misspelling',
};

/** The kind a note names (`pejorative`, `Former name`), or undefined when the note is no kind of ours. */
export function kindOfNote(note: string | undefined): Kind | undefined {
  const words = (note ?? '').trim().toLowerCase();
  return (Object.entries(aliasKindNotes) as [Kind, string][]).find(([, n]) => n === words)?.[0];
}

/** Kazakhstan's state and official languages: a party's or person's name in them is one of its own names. */
export const OWN_LANGUAGES: readonly string[] = ['kk', 'ru'];

/** Names this close (src/search/fold.ts, both ways) are one name written differently. */
const SAME_NAME = 0.9;

export type Classified = { kind: Kind } | { predecessor: string; reason: string };

/**
 * The kind of another name of an element whose preferred name is `primary`, in this order: a reviewed name
 * (by the organisation's Wikidata id); a name whose `note` names a kind (`aliasKindNotes`, as our export writes
 * them); a name the file dates or notes as former (`FORMER`); the same name
 * written differently (`SPELLING` in the same script, `TRANSLITERATION` in another); an acronym
 * (`ABBREVIATION`); a name in one of Kazakhstan's own languages (`OFFICIAL`); a name in another language
 * (`TRANSLATION`); a name without a language is `OFFICIAL` if it is in the primary's script, else a transliteration.
 */
export function classifyName(
  primary: string,
  other: { name: string; lang?: string | undefined; note?: string | undefined; start_date?: string | undefined; end_date?: string | undefined },
  wikidataIds: readonly string[] = [],
): Classified {
  const name = other.name.trim();
  for (const id of wikidataIds) {
    const reviewed = reviewedNames[id]?.find((r) => r.name === name);
    if (reviewed?.predecessor) return { predecessor: reviewed.predecessor, reason: reviewed.reason };
    if (reviewed?.kind) return { kind: reviewed.kind };
  }
  const noted = kindOfNote(other.note);
  if (noted) return { kind: noted };
  if (/former|old|previous/i.test(other.note ?? '') || other.end_date) return { kind: 'FORMER' };
  const sameScript = scriptOf(name) === scriptOf(primary);
  if (Math.min(matchScore(primary, name), matchScore(name, primary)) >= SAME_NAME) return { kind: sameScript ? 'SPELLING' : 'TRANSLITERATION' };
  if (/^\p{Lu}{2,6}$/u.test(name)) return { kind: 'ABBREVIATION' };
  const lang = (other.lang ?? '').toLowerCase().split('-')[0] ?? '';
  if (lang === '') return { kind: sameScript ? 'OFFICIAL' : 'TRANSLITERATION' };
  return { kind: OWN_LANGUAGES.includes(lang) ? 'OFFICIAL' : 'TRANSLATION' };
}

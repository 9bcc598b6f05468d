// The dataset's file format: zod schemas for every record a curator writes in seed/data/*.yaml (and that
// `npm run import` reads). Shapes only; cross-record checks (references, quotes) live in validate.ts.
import { z } from 'zod';
import { HttpUrl } from '../domain/url.js';

/** `2022`, `2022-11` or `2022-02-28`: a date that keeps the precision the text gives, never an invented day. */
export const partialDatePattern = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
export const PartialDate = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => partialDatePattern.test(v) && isRealDay(v), {
    message: 'must be YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)',
  });

function isRealDay(v: string): boolean {
  const parts = v.split('-').map(Number);
  if (parts.length < 3) return true;
  const [y, m, d] = parts as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Ids are `kind:slug`, lower-case ASCII, stable across reloads: `person:zhanbolat-mamai`. */
export const idPattern = /^[a-z][a-z-]*:[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
export const Id = z.string().regex(idPattern, 'must look like kind:lower-case-slug');

/** Lone UTF-16 surrogates cannot be stored as UTF-8: refuse them rather than store a replacement character. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
export const MAX_NAME_LENGTH = 500;
export const MAX_TEXT_LENGTH = 20_000;

/** Free text (descriptions, quotes, titles): any well-formed Unicode, stored as given, within a sane length. */
export const Text = z
  .string()
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  .refine((v) => !loneSurrogate.test(v), 'must be well-formed Unicode (no lone surrogates)');

const NonEmptyText = Text.pipe(z.string().min(1));

/** A name: indexed for search, so one line of text without control characters and of bounded length. */
export const Name = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((v) => !controlCharacter.test(v), 'must not contain control characters (tabs, line breaks...)')
  .refine((v) => !loneSurrogate.test(v), 'must be well-formed Unicode (no lone surrogates)');

/** A JSON pointer (RFC 6901) into a structured source (a dataset file): `/persons/12/name`. */
export const jsonPointerPattern = /^(?:\/(?:[^~/]|~[01])*)+$/;
export const Locator = z.string().max(1000, 'must be at most 1000 characters').regex(jsonPointerPattern, 'must be a JSON pointer: /key/0/key');

/**
 * A citation. Which of quote and locator it needs depends on its source's kind: that rule, and the quote's
 * length and presence in the text, are src/domain/citation-rule.ts's (the validator applies it), not the shape's.
 */
export const Citation = z.strictObject({
  /** Id of the source: the file name of a text in seed/sources, or `source:<slug>` for one added through the API. */
  source: z.string().min(1),
  /**
   * A verbatim passage of that source's text: it must occur in the text under the normalisation of
   * src/domain/quotes.ts (NFC, white space runs, typographic quotes, apostrophes and dashes).
   */
  quote: Text.optional(),
  /** Where in a structured source (a dataset) the statement sits, as a JSON pointer. */
  locator: Locator.optional(),
});
export type Citation = z.infer<typeof Citation>;

export const Citations = z.array(Citation).min(1, 'at least one citation is required');

/**
 * A value the sources may disagree on. Where they agree, write the plain value: it is stated by those of the
 * record's citations that state it (numbers: see src/domain/value-citations.ts), or write it with its own
 * citations as `{ value, qualifier?, citations }`. Where they disagree, write every claim with its own
 * citations as `{ claims: [...] }`: the loader never picks one.
 */
export function claimable<T extends z.ZodType>(value: T) {
  const claim = z.strictObject({
    value,
    /** How the source qualifies the value: `preliminary`, `final`, `more than`, `about`... */
    qualifier: Name.optional(),
    citations: Citations,
  });
  return z.union([
    value,
    claim,
    z.strictObject({
      claims: z.array(claim).min(2, 'a disputed value needs at least two claims; otherwise write the plain value'),
    }),
  ]);
}

/**
 * What kind of name an alias is (docs/import-format.md, "Aliases"): the entity's own names (`OFFICIAL`, a
 * `FORMER` one), a short form, the name written in another script or language, or a name others give it.
 */
export const AliasKind = z.enum(['OFFICIAL', 'FORMER', 'ABBREVIATION', 'SPELLING', 'TRANSLITERATION', 'TRANSLATION', 'NICKNAME', 'PEJORATIVE', 'MISSPELLING']);

export const Alias = z.strictObject({
  name: Name,
  /** BCP 47 language: `en`, `kk`, `ru`. */
  lang: z.string().min(2).optional(),
  /** ISO 15924 script: `Latn` or `Cyrl`. */
  script: z.enum(['Latn', 'Cyrl']).optional(),
  /** What kind of name it is; absent when nobody has classified it. */
  kind: AliasKind.optional(),
  /** Passages or dataset records that give the name. */
  citations: z.array(Citation).optional(),
});

/**
 * A party this one continues (or that continues it): a dated, cited relationship, not an alias. `party` when the
 * graph holds it; `names` are the other names the sources give it.
 */
export const PartyLineage = z.strictObject({
  name: Name,
  names: z.array(Name).optional(),
  party: Id.optional(),
  /** When the one became (part of) the other; absent when no source dates it. */
  date: PartialDate.optional(),
  citations: Citations,
});

/** An id the entity has in another register: `{ scheme: wikidata, value: Q1195092 }`, the parliament's person id... */
export const Identifier = z.strictObject({
  /** Lower-case name of the register: `wikidata`, `everypolitician`, `parlam.kz`. */
  scheme: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'must be a lower-case scheme name such as wikidata'),
  value: Name,
  /** Where the register shows it, when it has a page. */
  url: z.string().url().optional(),
});
export type Identifier = z.infer<typeof Identifier>;

/** A web page about the entity (its website, a profile): `note` says what it is. */
export const Link = z.strictObject({ url: z.string().url(), note: Name.optional() });

const entityBase = {
  id: Id,
  name: Name,
  aliases: z.array(Alias).default([]),
  description: Text.optional(),
  /** Ids in other registers; one value per scheme. Survive merges; `entityByIdentifier` finds the entity by them. */
  identifiers: z.array(Identifier).optional(),
  /** URLs of portraits or logos. */
  images: z.array(z.string().url()).optional(),
  links: z.array(Link).optional(),
  citations: Citations,
};

/** A source added through the API (no text file): `source:` and a lower-case slug. */
export const apiSourceIdPattern = /^source:[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** The longest source text the graph stores (characters): a long article, not a book. */
export const MAX_SOURCE_TEXT_LENGTH = 500_000;
/**
 * The longest text of a DATASET source (characters): an imported Popolo file is stored whole as one, so that its
 * citations' locators resolve in it; checked before the import does any work on the file.
 */
export const MAX_DATASET_TEXT_LENGTH = 10_000_000;
export const SourceKind = z.enum(['ARTICLE', 'DATASET', 'OFFICIAL_RECORD']);
export const Source = z
  .strictObject({
    id: z
      .string()
      .refine((v) => /^[\w.-]+\.txt$/.test(v) || apiSourceIdPattern.test(v), 'must be the file name of a text in seed/sources, or source:<slug>'),
    kind: SourceKind.default('ARTICLE'),
    publisher: Name,
    author: Name.nullable().default(null),
    title: Text.nullable().default(null),
    date: PartialDate,
    url: HttpUrl.nullable().default(null),
    /** BCP 47 language of the text: `en`, `ru`, `kk`. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language code: en, ru, kk').nullable().default(null),
    /**
     * The document's full text, which quotes are checked against (required for an article). A seed source's text
     * is its file next to sources.yaml.
     */
    text: z
      .string()
      .max(MAX_DATASET_TEXT_LENGTH, `must be at most ${MAX_DATASET_TEXT_LENGTH} characters`)
      .refine((v) => !loneSurrogate.test(v), 'must be well-formed Unicode (no lone surrogates)')
      .nullable()
      .default(null),
    /** When the text was retrieved (ISO 8601 date or date-time). */
    retrievedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO 8601 date or date-time').nullable().default(null),
  })
  .refine((s) => s.kind !== 'ARTICLE' || (s.text !== null && s.text.trim() !== ''), { message: "an article's text is required", path: ['text'] })
  .refine((s) => s.kind === 'DATASET' || s.text === null || s.text.length <= MAX_SOURCE_TEXT_LENGTH, {
    message: `must be at most ${MAX_SOURCE_TEXT_LENGTH} characters (a DATASET's text, at most ${MAX_DATASET_TEXT_LENGTH})`,
    path: ['text'],
  });

export const Person = z.strictObject({ ...entityBase });

export const PartyName = z.strictObject({
  name: Name,
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  citations: Citations,
});

export const Party = z.strictObject({
  ...entityBase,
  /** Dated names, oldest first; the entity's `name` is the current one. */
  names: z.array(PartyName).default([]),
  /** Parties it continues (its predecessors) and parties that continue it (its successors). */
  predecessors: z.array(PartyLineage).optional(),
  successors: z.array(PartyLineage).optional(),
  /** REGISTERED, UNREGISTERED (denied or never registered), DISSOLVED, ... as of the sources' time. */
  status: z.enum(['REGISTERED', 'UNREGISTERED', 'DISSOLVED', 'RENAMED']).optional(),
});

export const OrganizationKind = z.enum([
  'STATE_BODY',
  'MINISTRY',
  'COURT',
  'ELECTION_COMMISSION',
  'LEGISLATURE',
  'LOCAL_COUNCIL',
  'NGO',
  'MOVEMENT',
  'MEDIA',
  'INTERNATIONAL',
  'THINK_TANK',
  'COMPANY',
  'OTHER',
]);

/** A legislature's term (convocation, legislative period): its members are dated by it. */
export const Term = z.strictObject({
  /** Short key memberships refer to: `5` for the fifth convocation. */
  key: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,31}$/, 'must be a short lower-case key such as 5'),
  name: Name,
  /**
   * First and last day. Where sources disagree (a file's term against the graph's), every source's date as a
   * claim, the first the one the graph answers with (`LegislativeTerm.from`; `fromClaims` lists them all).
   */
  from: claimable(PartialDate),
  /** Absent while the term runs. */
  to: claimable(PartialDate).optional(),
  identifiers: z.array(Identifier).optional(),
  citations: Citations,
});

export const Organization = z.strictObject({
  ...entityBase,
  orgKind: OrganizationKind,
  /** A legislature's terms, oldest first. */
  terms: z.array(Term).optional(),
  /** The organisation this one belongs to (a ministry's government, a legislature's parliament). */
  parent: Id.optional(),
  /** Where it sits or what it governs. */
  place: Id.optional(),
});

export const PlaceKind = z.enum(['COUNTRY', 'REGION', 'CITY', 'SITE']);
export const Place = z.strictObject({
  ...entityBase,
  placeKind: PlaceKind,
  /** The enclosing place: a city's region, a region's country. */
  within: Id.optional(),
});

export const District = z.strictObject({
  ...entityBase,
  /** The body the district elects to (organization:mazhilis, an Almaty maslikhat...). */
  body: Id,
  number: z.number().int().positive().optional(),
  place: Id.optional(),
  /** Seats it returns. */
  seats: z.number().int().positive().optional(),
});

export const ElectionKind = z.enum(['PARLIAMENTARY', 'LOCAL', 'PRESIDENTIAL', 'REFERENDUM']);
export const Finding = z.strictObject({
  /** The observer mission or organisation. */
  observer: Id,
  summary: NonEmptyText,
  date: PartialDate.optional(),
  citations: Citations,
});

export const PlaceTurnout = z.strictObject({
  place: Id,
  /** Percent of the registered voters there. */
  turnout: z.number().min(0).max(100),
  /** How the source qualifies it: `Central Election Commission figure`, `preliminary`... */
  qualifier: Name.optional(),
  citations: Citations,
});

export const Election = z.strictObject({
  ...entityBase,
  kind: ElectionKind,
  /** The body elected (organization:mazhilis); absent for presidential elections and referendums. */
  body: Id.optional(),
  /**
   * Polling day. Where sources disagree (a merge of the articles' 2016-03-20 with a file's 2016-03-21), every
   * source's date as a claim; the first claim is the date the graph answers with (`Election.date`).
   */
  date: claimable(PartialDate),
  place: Id.optional(),
  /** Turnout in percent. */
  turnout: claimable(z.number().min(0).max(100)).optional(),
  seats: claimable(z.number().int().nonnegative()).optional(),
  listSeats: claimable(z.number().int().nonnegative()).optional(),
  districtSeats: claimable(z.number().int().nonnegative()).optional(),
  /** Seats won by self-nominated (independent) candidates. */
  independentSeats: claimable(z.number().int().nonnegative()).optional(),
  /** Turnout in percent in one place (a city, a region), each with the passages stating it. */
  placeTurnout: z.array(PlaceTurnout).default([]),
  /** Candidates registered in single-mandate districts. */
  singleMandateCandidates: claimable(z.number().int().nonnegative()).optional(),
  /** All candidates, lists and districts together. */
  candidates: claimable(z.number().int().nonnegative()).optional(),
  findings: z.array(Finding).default([]),
});

export const CourtCaseStatus = z.enum([
  'INVESTIGATION',
  'AWAITING_TRIAL',
  'ON_TRIAL',
  'CONVICTED',
  'ACQUITTED',
  'CLOSED',
  'UNKNOWN',
]);
export const CaseParty = z.strictObject({
  entity: Id,
  role: z.enum(['DEFENDANT', 'PLAINTIFF', 'PROSECUTOR', 'JUDGE', 'COURT', 'LAWYER', 'WITNESS', 'VICTIM']),
  charges: z.array(NonEmptyText).default([]),
  from: PartialDate.optional(),
  citations: Citations,
});
export const CourtCase = z.strictObject({
  ...entityBase,
  court: Id.optional(),
  charges: z.array(NonEmptyText).default([]),
  /** The heaviest sentence the charges carry, as the text gives it: `10 years`. */
  maxPenalty: claimable(NonEmptyText).optional(),
  status: claimable(CourtCaseStatus).optional(),
  opened: PartialDate.optional(),
  parties: z.array(CaseParty).min(1),
});

export const EventKind = z.enum([
  'ARREST',
  'DETENTION',
  'RELEASE',
  'HOUSE_ARREST',
  'CHARGE',
  'CONVICTION',
  'SENTENCE',
  'TRIAL',
  'ELECTION',
  'REFERENDUM',
  'RENAME',
  'REGISTRATION',
  'REGISTRATION_DENIED',
  'DEREGISTRATION',
  'REINSTATEMENT',
  'EXCLUSION',
  'PROTEST',
  'UNREST',
  'RESIGNATION',
  'APPOINTMENT',
  'STATEMENT',
  'CAMPAIGN',
  'LEGISLATION',
  'DISSOLUTION',
  'FOUNDING',
  'ATTACK',
  'OTHER',
]);
export const Participant = z.strictObject({
  /** Any node id: a person, party, organisation, court case, election... */
  entity: Id,
  /** Free text in lower case, from the text where it can be: `arrested`, `leader`, `court`, `new leader`. */
  role: Name,
  /**
   * Passages naming this participant. Absent (as in the seed): the event's own citations stand for it. A
   * participant added through the API carries the citation given with it.
   */
  citations: Citations.optional(),
});
export const Event = z.strictObject({
  ...entityBase,
  kind: EventKind,
  date: claimable(PartialDate),
  /** Last day of an event that spans time (house arrest "since November 2022" has none). */
  endDate: PartialDate.optional(),
  place: Id.optional(),
  participants: z.array(Participant).default([]),
  /** Charges named with an arrest, charge or conviction. */
  charges: z.array(NonEmptyText).default([]),
});

/** Role categories decide the derived edge: LEADERSHIP→LEADS, FOUNDER→FOUNDED, OFFICE→SERVES_IN... */
export const MembershipRole = z.enum([
  'leader',
  'chair',
  'deputy chair',
  'head',
  'director',
  'founder',
  'co-founder',
  'member',
  'activist',
  'minister',
  'official',
  'commission member',
  'deputy',
  'president',
  'employee',
  'journalist',
  'editor',
  'analyst',
  'researcher',
  'spokesperson',
  'observer',
  'lawyer',
]);
export const Membership = z.strictObject({
  id: Id,
  person: Id,
  organization: Id,
  role: MembershipRole,
  /** Words of the text for the role when they say more than the enum: `honorary chairman`. */
  title: Name.optional(),
  /** The party a legislator sat for (Popolo's `on_behalf_of`). */
  onBehalfOf: Id.optional(),
  /**
   * The legislator sat as an independent, for no party: the source says so (unlike a seat whose party it does
   * not know). Independents are no party entity; such a seat has no `onBehalfOf`.
   */
  independent: z.literal(true).optional(),
  /** Key of the organisation's term this membership belongs to (`5`); its dates are the term's unless given. */
  term: z.string().min(1).max(32).optional(),
  /**
   * Since and until when. Where sources disagree (an imported file's 1990-04-24 against the graph's 1991), every
   * source's date as a claim, the first the one the graph answers with (`Membership.from`; `fromClaims` lists all).
   */
  from: claimable(PartialDate).optional(),
  to: claimable(PartialDate).optional(),
  citations: Citations,
});

export const CandidacyStatus = z.enum([
  'NOMINATED',
  'REGISTERED',
  'REGISTRATION_REFUSED',
  'DEREGISTERED',
  'REINSTATED',
  'BARRED',
  'WITHDRAWN',
  'ELECTED',
  'LOST',
]);
export const Candidacy = z.strictObject({
  id: Id,
  person: Id,
  /** The election; a claim list when sources disagree about which race it was. */
  election: claimable(Id),
  district: claimable(Id).optional(),
  /** SINGLE_MANDATE (district) or PARTY_LIST. */
  mandate: z.enum(['SINGLE_MANDATE', 'PARTY_LIST']).optional(),
  /** The party that nominated the candidate; absent for self-nominated candidates. */
  nominatedBy: Id.optional(),
  selfNominated: z.boolean().optional(),
  /** Place in the count (2 = second) where the text gives it. */
  rank: claimable(z.number().int().positive()).optional(),
  statuses: z
    .array(
      z.strictObject({
        status: CandidacyStatus,
        date: PartialDate.optional(),
        /** Who decided it: a court, a commission. */
        by: Id.optional(),
        citations: Citations,
      }),
    )
    .default([]),
  citations: Citations,
});

export const PartyResult = z.strictObject({
  id: Id,
  party: Id,
  election: Id,
  /** Percent of the list vote. Use a claim's qualifier for `preliminary` / `final` figures. */
  voteShare: claimable(z.number().min(0).max(100)).optional(),
  listSeats: claimable(z.number().int().nonnegative()).optional(),
  districtSeats: claimable(z.number().int().nonnegative()).optional(),
  totalSeats: claimable(z.number().int().nonnegative()).optional(),
  /** Passed the list threshold (5%)? */
  passedThreshold: z.boolean().optional(),
  citations: Citations,
});

export const FamilyTie = z.strictObject({
  id: Id,
  person: Id,
  relative: Id,
  relation: z.enum(['SPOUSE', 'PARENT', 'CHILD', 'SIBLING']),
  citations: Citations,
});

/** A whole dataset: what seed/data/*.yaml hold together (each file any subset of these keys). */
export const Dataset = z.strictObject({
  sources: z.array(Source).default([]),
  people: z.array(Person).default([]),
  parties: z.array(Party).default([]),
  organizations: z.array(Organization).default([]),
  places: z.array(Place).default([]),
  districts: z.array(District).default([]),
  elections: z.array(Election).default([]),
  courtCases: z.array(CourtCase).default([]),
  events: z.array(Event).default([]),
  memberships: z.array(Membership).default([]),
  candidacies: z.array(Candidacy).default([]),
  partyResults: z.array(PartyResult).default([]),
  familyTies: z.array(FamilyTie).default([]),
});
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;
export type DatasetKey = keyof Dataset;
export const datasetKeys = Object.keys(Dataset.shape) as DatasetKey[];

/** The id prefix each collection's records must carry. */
export const idPrefixOf: Partial<Record<DatasetKey, string>> = {
  people: 'person',
  parties: 'party',
  organizations: 'organization',
  places: 'place',
  districts: 'district',
  elections: 'election',
  courtCases: 'case',
  events: 'event',
  memberships: 'membership',
  candidacies: 'candidacy',
  partyResults: 'result',
  familyTies: 'family',
};

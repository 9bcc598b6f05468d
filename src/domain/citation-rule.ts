// The one citation rule, per source kind, that every writer applies (the seed loader, the API's mutations, JSONL
// and CSV imports, Popolo imports: all through the dataset validator, src/dataset/validate.ts). Pure.
//
//   - a source with a text that is no DATASET (an article, an official record with its text) is cited by a quote
//     that occurs in the text (src/domain/quotes.ts) and is at least MIN_QUOTE_LENGTH characters long once
//     normalised; a locator may be added, never given instead;
//   - a DATASET is cited by a locator, a JSON pointer that resolves in the dataset's stored text; a quote may be
//     added and is then checked like any quote;
//   - a source with neither (no text, or a dataset without one) cannot be cited.
// What is stored of a quote is the exact slice of the text at its offsets, never the curator's spelling of it.
import { locateQuote, normaliseForQuotes, normaliseQuote, closestPassage, type NormalisedText, type QuoteLocation } from './quotes.js';
import { statesNumber, unitOf } from './value-citations.js';

export type SourceKind = 'ARTICLE' | 'DATASET' | 'OFFICIAL_RECORD';

/** What the rule needs to know of a cited source. */
export interface CitableSource {
  kind: SourceKind;
  text: string | null;
}

/** The fewest characters a quote may have once normalised (white space runs folded, ends trimmed). */
export const MIN_QUOTE_LENGTH = 8;

export type CitationIssueCode = 'QUOTE_REQUIRED' | 'QUOTE_TOO_SHORT' | 'QUOTE_NOT_IN_SOURCE' | 'LOCATOR_REQUIRED' | 'LOCATOR_NOT_IN_SOURCE' | 'SOURCE_NOT_CITABLE';

export interface CitationIssue {
  /** The citation's field at fault. */
  field: 'source' | 'quote' | 'locator';
  code: CitationIssueCode;
  message: string;
}

export interface CitationInput {
  source: string;
  quote?: string | null | undefined;
  locator?: string | null | undefined;
}

const unresolved = Symbol('unresolved');

/** Cited sources by id, their texts normalised and datasets parsed once, on first use. */
export class SourceLibrary {
  private readonly normalised = new Map<string, NormalisedText>();
  private readonly parsed = new Map<string, unknown>();
  constructor(private readonly sources: ReadonlyMap<string, CitableSource>) {}

  get(id: string): CitableSource | undefined {
    return this.sources.get(id);
  }

  normalisedText(id: string): NormalisedText | undefined {
    const text = this.sources.get(id)?.text;
    if (text === null || text === undefined) return undefined;
    let n = this.normalised.get(id);
    if (!n) this.normalised.set(id, (n = normaliseForQuotes(text)));
    return n;
  }

  /** Where the quote sits in the source's text, or null (no text, not in it). */
  locate(id: string, quote: string): QuoteLocation | null {
    const n = this.normalisedText(id);
    return n === undefined ? null : locateQuote(n, quote);
  }

  /** The exact slice of the source's text a quote matches (what is stored of it), or null. */
  slice(id: string, quote: string): string | null {
    const at = this.locate(id, quote);
    const text = this.sources.get(id)?.text;
    return at === null || text === null || text === undefined ? null : text.slice(at.start, at.end);
  }

  /** The value a locator points at in a DATASET's stored text; `undefined` when it points at nothing. */
  pointed(id: string, locator: string): unknown {
    const root = this.root(id);
    return root === unresolved ? undefined : resolvePointer(root, locator);
  }

  /** Whether the source is a DATASET whose stored text is JSON (what locators resolve in). */
  parses(id: string): boolean {
    return this.root(id) !== unresolved;
  }

  private root(id: string): unknown {
    const source = this.sources.get(id);
    if (source?.kind !== 'DATASET' || source.text === null) return unresolved;
    let root = this.parsed.get(id);
    if (root === undefined) {
      try {
        root = JSON.parse(source.text) as unknown;
      } catch {
        root = unresolved;
      }
      this.parsed.set(id, root);
    }
    return root;
  }
}

/** Resolves an RFC 6901 JSON pointer in a parsed document; `undefined` when it points at nothing. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) node = node[Number(key)];
    else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, key)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s !== '';

/** The rule for one citation of a known source; [] when it holds. (An unknown source is the caller's to report.) */
export function checkCitation(citation: CitationInput, library: SourceLibrary): CitationIssue[] {
  const source = library.get(citation.source);
  if (source === undefined) return [];
  const issues: CitationIssue[] = [];
  const hasText = source.text !== null && source.text.trim() !== '';
  const { quote, locator } = citation;
  if (typeof quote === 'string') issues.push(...checkQuote(citation.source, quote, hasText, library));
  if (source.kind === 'DATASET') {
    if (!hasText) {
      issues.push({ field: 'source', code: 'SOURCE_NOT_CITABLE', message: `dataset ${citation.source} has no stored text for a locator to resolve in: add its text before citing it` });
    } else if (!present(locator)) {
      issues.push({ field: 'locator', code: 'LOCATOR_REQUIRED', message: `${citation.source} is a dataset: cite it by a locator (a JSON pointer such as /persons/12) that resolves in its text` });
    } else if (library.pointed(citation.source, locator) === undefined) {
      const why = library.parses(citation.source) ? 'points at nothing in' : 'cannot resolve: the stored text is no JSON, in';
      issues.push({ field: 'locator', code: 'LOCATOR_NOT_IN_SOURCE', message: `locator ${abbreviate(locator)} ${why} dataset ${citation.source}` });
    }
    return issues;
  }
  if (!hasText) {
    issues.push({
      field: 'source',
      code: 'SOURCE_NOT_CITABLE',
      message: `source ${citation.source} has no text to check a citation against and is no dataset: add its text (reviseSourceText) before citing it`,
    });
  } else if (typeof quote !== 'string') {
    issues.push({
      field: 'quote',
      code: 'QUOTE_REQUIRED',
      message: `source ${citation.source} has a text: cite it by a verbatim quote${present(locator) ? ' (a locator may only be given besides one)' : ''}`,
    });
  }
  return issues;
}

function checkQuote(sourceId: string, quote: string, hasText: boolean, library: SourceLibrary): CitationIssue[] {
  const normalised = normaliseQuote(quote);
  if (normalised.length < MIN_QUOTE_LENGTH) {
    return [
      {
        field: 'quote',
        code: 'QUOTE_TOO_SHORT',
        message: `quote is too short to support a fact: ${normalised.length} character(s) once white space is folded, at least ${MIN_QUOTE_LENGTH} needed`,
      },
    ];
  }
  if (!hasText) return []; // the source's own issue (not citable / no text) says what is wrong
  if (library.locate(sourceId, quote) !== null) return [];
  const closest = closestPassage(library.get(sourceId)?.text ?? '', quote);
  return [
    {
      field: 'quote',
      code: 'QUOTE_NOT_IN_SOURCE',
      message: `quote not in source ${sourceId}: "${abbreviate(normalised)}"${closest === null ? '' : `; the closest passage is "${closest}"`}`,
    },
  ];
}

/**
 * Whether a citation states a number `value` of `field`: a DATASET citation when its locator points at that very
 * number (or a string of it); any other by its quote (digits or words, with the unit: value-citations.ts).
 * Values that are no numbers are stated by their citations as such.
 */
export function citationStatesValue(field: string, value: unknown, citation: CitationInput, library: SourceLibrary): boolean {
  if (typeof value !== 'number') return true;
  const source = library.get(citation.source);
  if (source?.kind === 'DATASET' && present(citation.locator)) {
    const pointed = library.pointed(citation.source, citation.locator);
    if (typeof pointed === 'number') return pointed === value;
    if (typeof pointed === 'string' && pointed.trim() !== '') return Number(pointed.trim().replace(/%$/, '')) === value;
    return false;
  }
  if (present(citation.quote)) return statesNumber(citation.quote, value, unitOf(field));
  return false;
}

/** The citation as stored: its quote replaced by the exact slice of the source's text it matches. */
export function storedCitation<C extends CitationInput>(citation: C, library: SourceLibrary): C {
  if (!present(citation.quote)) return citation;
  const slice = library.slice(citation.source, citation.quote);
  return slice === null || slice === citation.quote ? citation : { ...citation, quote: slice };
}

function abbreviate(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max)}...`;
}

/** The line (or lines) of the text a passage sits in: from the line break before it to the one after. */
function lineAround(text: string, at: QuoteLocation): string {
  const start = text.lastIndexOf('\n', at.start - 1) + 1;
  const end = text.indexOf('\n', at.end);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * Whether revising a source's text changes what a citation of it says, so that it must be re-confirmed: a quote
 * that is gone, or whose line around it differs (a correction "it is false that ..." before the very same words);
 * a locator whose pointed value differs or is gone. A change elsewhere in the text (offsets moving) is no change.
 */
export function citationChangedBy(citation: CitationInput, before: SourceLibrary, after: SourceLibrary): boolean {
  if (typeof citation.quote === 'string') {
    const was = before.locate(citation.source, citation.quote);
    const is = after.locate(citation.source, citation.quote);
    if (was === null || is === null) return true;
    return lineAround(before.get(citation.source)!.text!, was) !== lineAround(after.get(citation.source)!.text!, is);
  }
  if (present(citation.locator)) {
    const was = before.pointed(citation.source, citation.locator);
    const is = after.pointed(citation.source, citation.locator);
    return was === undefined || is === undefined || JSON.stringify(was) !== JSON.stringify(is);
  }
  return true;
}

// A search box with suggestions (combobox pattern): any spelling, arrows and Enter to pick, "no matches" with
// ideas of where to start. Used for the main search and for each end of a path, each keeping its own choice.
import { searchEntities, type SearchHit } from './api.js';
import { h, kindLabel } from './dom.js';

/** Words naming a kind that a person may add to a name ("Amanat party", "Tokayev person"), beyond the kind names. */
const KIND_SYNONYMS: Record<string, string> = {
  people: 'PERSON',
  politician: 'PERSON',
  deputy: 'PERSON',
  organisation: 'ORGANIZATION',
  org: 'ORGANIZATION',
  case: 'COURT_CASE',
  trial: 'COURT_CASE',
  vote: 'ELECTION',
  town: 'PLACE',
  city: 'PLACE',
};

/**
 * Splits kind words off a query: "Amanat party" → text "Amanat", kinds [PARTY]. A query that is nothing but
 * kind words is left as it is (someone may be looking for a party called "Party").
 */
export function splitKindWords(text: string, kinds: readonly string[]): { text: string; kinds: string[] } {
  const words = text.trim().split(/\s+/);
  const named = new Map<string, string>(Object.entries(KIND_SYNONYMS).filter(([, k]) => kinds.includes(k)));
  for (const k of kinds) {
    const word = k.toLowerCase().replaceAll('_', ' ');
    named.set(word, k);
    named.set(word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`, k);
  }
  const found: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const one = words[i]!.toLowerCase().replace(/[.,;:]$/, '');
    const two = i + 1 < words.length ? `${one} ${words[i + 1]!.toLowerCase()}` : '';
    if (two && named.has(two)) {
      found.push(named.get(two)!);
      i += 1;
    } else if (named.has(one)) found.push(named.get(one)!);
    else rest.push(words[i]!);
  }
  if (rest.length === 0 || found.length === 0) return { text: text.trim(), kinds: [] };
  return { text: rest.join(' '), kinds: [...new Set(found)] };
}

/**
 * Hits for what was typed: as asked; when the text carries kind words, also without them, hits of those
 * kinds first (a name with its kind word, "Amanat party", finds the party).
 */
export async function findEntities(text: string, kinds: readonly string[]): Promise<SearchHit[]> {
  const split = splitKindWords(text, kinds);
  if (split.kinds.length === 0) return searchEntities(text);
  const [whole, stripped] = await Promise.all([searchEntities(text), searchEntities(split.text)]);
  const seen = new Set<string>();
  const merged = [...stripped.filter((h) => split.kinds.includes(h.entity.kind)), ...whole, ...stripped].filter((h) => !seen.has(h.entity.id) && seen.add(h.entity.id));
  return merged.slice(0, 8);
}

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLElement;
  onChoose: (hit: SearchHit['entity']) => void;
  onError: (error: unknown) => void;
  /** Entities to suggest when nothing matches. */
  ideas: () => { id: string; kind: string; name: string }[];
  /** The API's entity kinds, for kind words in queries. */
  kinds: () => string[];
}

export function searchBox({ input, list, onChoose, onError, ideas, kinds }: SearchBoxOptions): void {
  let hits: SearchHit[] = [];
  /** The text `hits` answer: Enter only picks from them when it is still what the box holds. */
  let hitsFor = '';
  let active = -1;
  let token = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let empty: string | null = null;

  const close = () => {
    hits = [];
    hitsFor = '';
    empty = null;
    active = -1;
    render();
  };
  const choose = (entity: SearchHit['entity']) => {
    input.value = entity.name;
    close();
    onChoose(entity);
  };
  const render = () => {
    const open = hits.length > 0 || empty !== null;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (empty !== null) {
      list.replaceChildren(
        h('li', { class: 'no-matches', role: 'presentation' }, `No matches for “${empty}”. Try another spelling (Latin or Cyrillic), or start from:`),
        ...ideas().map((e, i) =>
          h('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false', onmousedown: (ev: Event) => (ev.preventDefault(), choose(e)) }, e.name, ' ', h('span', { class: 'kind' }, kindLabel(e.kind))),
        ),
      );
      return;
    }
    list.replaceChildren(
      ...hits.map((s, i) =>
        h(
          'li',
          { role: 'option', id: `${list.id}-${i}`, 'aria-selected': String(i === active), onmousedown: (ev: Event) => (ev.preventDefault(), choose(s.entity)) },
          s.entity.name,
          ' ',
          h('span', { class: 'kind' }, kindLabel(s.entity.kind)),
          s.matched !== s.entity.name ? h('div', { class: 'matched' }, `matched “${s.matched}”`) : null,
        ),
      ),
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  /** Asks for `text` now; a later keystroke's search makes this one's answer stale (dropped). */
  const lookUp = (text: string, then?: (found: SearchHit[]) => void) => {
    const mine = (token += 1);
    findEntities(text, kinds()).then(
      (found) => {
        if (mine !== token || input.value.trim() !== text) return;
        hits = found;
        hitsFor = text;
        empty = found.length === 0 ? text : null;
        active = found.length ? 0 : -1;
        render();
        then?.(found);
      },
      (error: unknown) => onError(error),
    );
  };

  input.addEventListener('input', () => {
    const text = input.value.trim();
    clearTimeout(timer);
    if (text.length < 2) {
      token += 1;
      return close();
    }
    timer = setTimeout(() => lookUp(text), 150);
  });
  input.addEventListener('keydown', (e) => {
    const text = input.value.trim();
    const current = hitsFor === text;
    if (e.key === 'ArrowDown' && hits.length && current) {
      active = (active + 1) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && hits.length && current) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current && hits[active]) return choose(hits[active]!.entity);
      // The suggestions on screen (if any) answer an earlier keystroke: ask for this text now and open its top hit.
      if (text.length < 2) return;
      clearTimeout(timer);
      lookUp(text, (found) => {
        if (found[0]) choose(found[0].entity);
      });
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

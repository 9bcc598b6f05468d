// A search box with suggestions (combobox pattern): any spelling, arrows and Enter to pick, "no matches" with
// ideas of where to start. Used for the main search and for each end of a path, each keeping its own choice.
import { searchEntities, type SearchHit } from './api.js';
import { h, kindLabel } from './dom.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLElement;
  onChoose: (hit: SearchHit['entity']) => void;
  onError: (error: unknown) => void;
  /** Entities to suggest when nothing matches. */
  ideas: () => { id: string; kind: string; name: string }[];
}

export function searchBox({ input, list, onChoose, onError, ideas }: SearchBoxOptions): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let token = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let empty: string | null = null;

  const close = () => {
    hits = [];
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

  input.addEventListener('input', () => {
    const text = input.value.trim();
    clearTimeout(timer);
    if (text.length < 2) return close();
    timer = setTimeout(() => {
      const mine = (token += 1);
      searchEntities(text).then(
        (found) => {
          if (mine !== token) return;
          hits = found;
          empty = found.length === 0 ? text : null;
          active = found.length ? 0 : -1;
          render();
        },
        (error: unknown) => onError(error),
      );
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      active = (active + 1) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      choose(hits[active]!.entity);
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

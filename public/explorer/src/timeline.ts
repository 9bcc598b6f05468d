// The time control: a slider over the years the view's facts span, with year ticks, a histogram of the dated
// facts in view, play/pause, and an explicit "all dates" state (no day chosen: every relationship shown).
import type { GraphEdge } from './api.js';
import { byId, h } from './dom.js';

export function factYears(edges: GraphEdge[]): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (year: number) => counts.set(year, (counts.get(year) ?? 0) + 1);
  for (const e of edges) {
    const from = e.from ? Number(e.from.start.slice(0, 4)) : null;
    const to = e.to ? Number(e.to.end.slice(0, 4)) : null;
    if (from !== null) add(from);
    if (to !== null && to !== from) add(to);
  }
  return counts;
}

/** Kinds whose ties happen once (taking part in an event, standing in an election): dated "on", never "since". */
const ONE_OFF_KINDS = new Set(['EVENT', 'ELECTION']);

/**
 * One wording for a tie's dates everywhere (panel, tie details, paths): "on 2022-01" when it happened once (a
 * tie to an event or election with no end, or one whose start and end are the same), "since"/"until"/"a – b"
 * for relationships that last.
 */
export function tieWhen(edge: { from: { text: string } | null; to: { text: string } | null }, endKinds: readonly (string | undefined)[]): string {
  const oneOff = (endKinds.some((k) => k !== undefined && ONE_OFF_KINDS.has(k)) && !edge.to) || (!!edge.from && !!edge.to && edge.from.text === edge.to.text);
  return when(edge.from, edge.to, oneOff);
}

/** "on 2022-11-20" for a one-off (same start and end), "2019 – 2022", "since 2019", "until 2022". */
export function when(from: { text: string } | null, to: { text: string } | null, oneOff = false): string {
  if (!from && !to) return '';
  if (from && (oneOff || (to && to.text === from.text))) return `on ${from.text}`;
  if (from && to) return `${from.text} – ${to.text}`;
  return from ? `since ${from.text}` : `until ${to!.text}`;
}

/** The last day of a month, `YYYY-MM-DD` (month 0-based): "as of" a month keeps what held during all of it. */
export function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

/** The time slider steps by month (its value counts months from January of the first year); ticks mark the years. */
export class Timeline {
  private years: [number, number] = [2000, new Date().getUTCFullYear()];
  private timer: ReturnType<typeof setInterval> | null = null;
  private asOf: string | null = null;
  private readonly slider = byId<HTMLInputElement>('asof-slider');
  private readonly label = byId('asof-label');
  private readonly all = byId<HTMLButtonElement>('asof-all');
  private readonly play = byId<HTMLButtonElement>('asof-play');
  private readonly histogram = byId('asof-histogram');
  private readonly ticks = byId<HTMLDataListElement>('asof-ticks');

  constructor(private readonly onChange: (asOf: string | null) => void) {
    this.slider.addEventListener('input', () => (this.label.textContent = `as of ${this.sliderDay()}`));
    this.slider.addEventListener('change', () => this.onChange(this.sliderDay()));
    this.all.addEventListener('click', () => {
      this.stop();
      this.onChange(null);
    });
    this.play.addEventListener('click', () => (this.timer ? this.stop() : this.start()));
  }

  private dayOf(months: number): string {
    return monthEnd(this.years[0] + Math.floor(months / 12), months % 12);
  }

  private monthsOf(day: string): number {
    return (Number(day.slice(0, 4)) - this.years[0]) * 12 + Number(day.slice(5, 7)) - 1;
  }

  private sliderDay(): string {
    return this.dayOf(Number(this.slider.value));
  }

  /** Redraws for the facts in view and the day shown. */
  render(edges: GraphEdge[], asOf: string | null): void {
    this.asOf = asOf;
    const counts = factYears(edges);
    const known = [...counts.keys()];
    const thisYear = new Date().getUTCFullYear();
    if (known.length) this.years = [Math.min(...known), Math.max(thisYear, ...known)];
    if (asOf) this.years = [Math.min(this.years[0], Number(asOf.slice(0, 4))), Math.max(this.years[1], Number(asOf.slice(0, 4)))];
    const [y0, y1] = this.years;
    this.slider.min = '0';
    this.slider.max = String((y1 - y0 + 1) * 12 - 1);
    this.slider.step = '1';
    this.slider.value = String(asOf ? this.monthsOf(asOf) : (y1 - y0 + 1) * 12 - 1);
    this.slider.setAttribute('aria-valuetext', asOf ? `as of ${asOf}` : 'all dates');
    this.all.setAttribute('aria-pressed', String(asOf === null));
    this.label.textContent = asOf ? `as of ${asOf}` : 'all dates';
    document.body.classList.toggle('all-dates', asOf === null);
    const step = Math.max(1, Math.ceil((y1 - y0) / 8));
    const tickYears = Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i).filter((y) => (y - y0) % step === 0);
    const span = Math.max(1, (y1 - y0 + 1) * 12 - 1);
    this.ticks.replaceChildren(...tickYears.map((y) => h('option', { value: (y - y0) * 12, label: String(y) })));
    const max = Math.max(1, ...counts.values());
    this.histogram.replaceChildren(
      ...Array.from({ length: y1 - y0 + 1 }, (_, i) => {
        const year = y0 + i;
        const n = counts.get(year) ?? 0;
        return h('span', { class: `bar${asOf && Number(asOf.slice(0, 4)) === year ? ' current' : ''}`, style: `height:${Math.round((n / max) * 100)}%`, title: `${year}: ${n} dated facts` });
      }),
    );
    this.histogram.setAttribute('aria-label', `Dated facts in view per year, ${y0} to ${y1}: ${known.length ? [...counts].sort((a, b) => a[0] - b[0]).map(([y, n]) => `${y}: ${n}`).join(', ') : 'none'}`);
    const ticksRow = byId('asof-tick-labels');
    ticksRow.replaceChildren(...tickYears.map((y) => h('span', { style: `left:${(((y - y0) * 12) / span) * 100}%` }, String(y))));
  }

  /** Plays a quarter a second from the day shown (or the first year). */
  private start(): void {
    this.play.textContent = 'Pause';
    this.play.setAttribute('aria-pressed', 'true');
    let months = this.asOf ? this.monthsOf(this.asOf) : 0;
    const last = (this.years[1] - this.years[0] + 1) * 12 - 1;
    const tick = () => {
      this.onChange(this.dayOf(Math.min(months, last)));
      months += 3;
      if (months > last) this.stop();
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.play.textContent = 'Play';
    this.play.setAttribute('aria-pressed', 'false');
  }
}

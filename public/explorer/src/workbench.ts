// Where the explorer hands an entity to the curation workbench (/curate): the one place that knows its address.
// The page shows an "Edit" link per entity only when the workbench marks itself present (a
// `<meta name="kz-workbench" content="/curate/">` in the explorer page, added with the workbench).

/** The workbench's page for an entity, or null when this app has no workbench. */
export function workbenchUrl(id: string): string | null {
  const base = document.querySelector<HTMLMetaElement>('meta[name="kz-workbench"]')?.content;
  return base ? `${base}?entity=${encodeURIComponent(id)}` : null;
}

/**
 * The workbench's page for a tie's fact (its fields, its citations highlighted in their sources, retraction and
 * history), or null when this app has no workbench. A fact id, never a key, goes in the URL.
 */
export function workbenchFactUrl(factId: string): string | null {
  const base = document.querySelector<HTMLMetaElement>('meta[name="kz-workbench"]')?.content;
  return base ? `${base}?fact=${encodeURIComponent(factId)}` : null;
}

/**
 * The window the workbench opens in: one named tab, reused by every Edit, so the explorer stays as it was and
 * redraws when the workbench announces a write (BroadcastChannel `kz-graph-writes`).
 */
export const workbenchTarget = 'kz-workbench';

/** Opens an entity in the workbench (for the hook and keyboard users); false when there is none. */
export function openInWorkbench(id: string): boolean {
  const url = workbenchUrl(id);
  if (url) window.location.assign(url);
  return url !== null;
}

// Where the explorer hands an entity to the curation workbench (/curate): the one place that knows its address.
// The page shows an "Edit" link per entity only when the workbench marks itself present (a
// `<meta name="kz-workbench" content="/curate/">` in the explorer page, added with the workbench).

/** The workbench's page for an entity, or null when this app has no workbench. */
export function workbenchUrl(id: string): string | null {
  const base = document.querySelector<HTMLMetaElement>('meta[name="kz-workbench"]')?.content;
  return base ? `${base}?entity=${encodeURIComponent(id)}` : null;
}

/** Opens an entity in the workbench (for the hook and keyboard users); false when there is none. */
export function openInWorkbench(id: string): boolean {
  const url = workbenchUrl(id);
  if (url) window.location.assign(url);
  return url !== null;
}

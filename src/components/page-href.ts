/** Link to a handbook page by its collection id, under the site's base path. */
export function pageHref(id: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${id}/`;
}

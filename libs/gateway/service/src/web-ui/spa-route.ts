/**
 * Whether a GET for this URL is a page of the single-page app, to be answered with index.html so client-side
 * routes such as /projects/123 survive a reload. API and health paths keep their JSON answers, and a path whose
 * last segment has a file extension is a missing asset: answering it with HTML would only turn a clear 404 into
 * a MIME-type error in the browser.
 */
export function isSpaRoute(url: string): boolean {
  const path = url.split('?', 1)[0].toLowerCase();
  if (isUnder(path, '/api') || isUnder(path, '/health')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

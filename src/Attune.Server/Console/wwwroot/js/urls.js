/** The console URL of a page, e.g. pageUrl('solutions', {group: arn}) → /console/solutions?group=... */
export function pageUrl(route, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const text = query.toString();
  return `/console/${route}${text ? `?${text}` : ''}`;
}

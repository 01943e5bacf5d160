/** The request path as decoded segments; null when the percent-encoding is malformed (a 400). */
export function decodePathParts(pathname: string): string[] | null {
  const parts: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (part.includes('\0')) return null;
    parts.push(part);
  }
  return parts;
}

/**
 * Headless Chromium cannot be taught a new URL scheme, so a page the app loads from
 * app://review-desk/... is really loaded from https://review-desk.app.stand-in.invalid/...
 * (https: a secure context, as Electron makes a scheme registered with `secure: true`).
 * The stand-in translates at its edges, so main only ever sees the app's own URLs: in
 * loadURL, in protocol handler requests, in navigation events and in an IPC sender's frame.
 * ".invalid" never resolves: nothing can leave the machine by this mapping.
 */
const SUFFIX = '.stand-in.invalid';

/** app://review-desk/x → https://review-desk.app.stand-in.invalid/x; other URLs unchanged. */
export function toPageUrl(appUrl: string, schemes: ReadonlySet<string>): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(appUrl);
  if (!match || !schemes.has(match[1]!.toLowerCase())) return appUrl;
  return `https://${match[2]!.toLowerCase()}.${match[1]!.toLowerCase()}${SUFFIX}${match[3] || '/'}`;
}

/** The reverse of toPageUrl; URLs that were never app URLs are returned unchanged. */
export function toAppUrl(pageUrl: string): string {
  const match = /^https:\/\/([^/?#]*)\.([a-z][a-z0-9+.-]*)\.stand-in\.invalid(.*)$/i.exec(pageUrl);
  if (!match) return pageUrl;
  return `${match[2]}://${match[1]}${match[3] || '/'}`;
}

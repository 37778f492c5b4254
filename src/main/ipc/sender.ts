/** Who sent an IPC request, as the transport saw it; the router decides whether to trust it. */
export interface IpcSender {
  /** URL of the frame that sent the request. */
  frameUrl: string;
  /** Requests from subframes are refused: only our top-level document may call the API. */
  isMainFrame: boolean;
  /** Whether the sending web contents is one of our own windows. */
  isOwnWindow: boolean;
}

/**
 * scheme://host[:port] of a URL, or null. Node's URL.origin is "null" for custom schemes such
 * as app://, so it cannot be used to compare them.
 */
export function originOf(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return host === '' ? null : `${protocol}//${host}`;
  } catch {
    return null;
  }
}

/** Trusts our own window's main frame, loaded from one of the given origins. */
export function trustOrigins(origins: readonly string[]): (sender: IpcSender) => boolean {
  return (sender) => {
    if (!sender.isOwnWindow || !sender.isMainFrame) return false;
    const origin = originOf(sender.frameUrl);
    return origin !== null && origins.includes(origin);
  };
}

/** Whether a host name or address is this machine's own, where plain http cannot be overheard. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether a URL points at this machine; IPv6 hosts come bracketed in a URL. */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopback(url.hostname.replace(/^\[|\]$/g, ''));
}

/** An https URL, or http on this machine: the only addresses a secret may be sent to. */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}

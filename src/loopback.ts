/** Whether a host name or address is this machine's own, where plain http cannot be overheard. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An https URL, or http on this machine: the only addresses a secret may be sent to. */
export function isHttpsOrLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(host));
}

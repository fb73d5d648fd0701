import { isIPv6 } from 'node:net';

/** The first four groups of an IPv6 address, written in full, as "2001:db8:0:1". */
function ipv6Prefix(address: string): string {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...zeros, ...right]
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':');
}

/**
 * The key a client is rate limited by: its IPv4 address, or its IPv6 /64, because one household
 * or phone holds a whole /64 and could otherwise take a fresh address for every request.
 */
export function clientKey(remoteAddress: string | undefined): string {
  const address = (remoteAddress ?? '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return isIPv6(address) ? `${ipv6Prefix(address)}::/64` : address;
}

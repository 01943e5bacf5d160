/**
 * Whether an IP address is not on the public internet: loopback, private ranges, link-local,
 * carrier-grade NAT, multicast, reserved and unspecified addresses, IPv4-mapped IPv6 included.
 * The image endpoint refuses such sources unless `images.dangerouslyAllowLocalIP` is set, so it
 * cannot be used to reach services inside the server's network (SSRF).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = parseIPv4(ip);
  if (v4) return isPrivateIPv4(v4);
  if (!ip.includes(':')) return false;
  const words = parseIPv6(ip);
  // Not an address we can read: refuse rather than guess.
  if (!words) return true;
  const isZero = (from: number, to: number) => words.slice(from, to).every((word) => word === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible), 64:ff9b::/96 (NAT64): the IPv4 address decides.
  if ((isZero(0, 5) && (words[5] === 0xffff || words[5] === 0)) || (words[0] === 0x64 && words[1] === 0xff9b && isZero(2, 6))) {
    if (isZero(0, 8) || (isZero(0, 7) && words[7] === 1)) return true;
    return isPrivateIPv4([words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff]);
  }
  const first = words[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 site-local (deprecated)
    (first & 0xff00) === 0xff00 || // ff00::/8 multicast
    (first === 0x2001 && words[1] === 0x0db8) // documentation
  );
}

/** A URL hostname that names this machine or a private network without a DNS lookup. */
export function isPrivateHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return (parseIPv4(host) !== null || host.startsWith('[')) && isPrivateAddress(host);
}

function isPrivateIPv4([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a! >= 224 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && (b === 168 || b === 0)) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

function parseIPv4(ip: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!match) return null;
  const bytes = match.slice(1).map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

/** Eight 16-bit words, or null. Accepts `::` and a dotted IPv4 last part; drops a `%zone`. */
function parseIPv6(ip: string): number[] | null {
  let text = ip.split('%')[0]!;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return null;
    text = text.slice(0, lastColon + 1) + (((v4[0]! << 8) | v4[1]!).toString(16)) + ':' + (((v4[2]! << 8) | v4[3]!).toString(16));
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((word) => (/^[0-9a-f]{1,4}$/.test(word) ? parseInt(word, 16) : NaN)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...head, ...Array<number>(missing).fill(0), ...tail];
  return words.every((word) => Number.isInteger(word)) ? words : null;
}

import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateHostname } from './private-address.js';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1'])('refuses the IPv4 address %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', 'ff02::1', '[::1]', 'fe80::1%eth0'])('refuses the IPv6 address %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('isPrivateHostname', () => {
  it('recognises localhost and literal private addresses as URLs normalise them', () => {
    for (const url of ['http://localhost/', 'http://a.localhost/', 'http://127.1/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]/']) {
      expect(isPrivateHostname(new URL(url).hostname), url).toBe(true);
    }
    expect(isPrivateHostname('example.com')).toBe(false);
    expect(isPrivateHostname('8.8.8.8')).toBe(false);
  });
});

import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The address a limit counts per: the client's IPv4 address, or its IPv6 /64 (one household or phone
 * gets a whole /64, so counting single IPv6 addresses would let anyone step around a limit).
 * Behind a proxy, `request.ip` is the client's address only with TRUST_PROXY=true.
 */
export function clientAddress(request: FastifyRequest): string {
  const ip = request.ip;
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [
        ...headGroups,
        ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
        ...tailGroups,
      ]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

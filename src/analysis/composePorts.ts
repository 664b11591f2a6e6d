/**
 * Published ports of a compose service, from short syntax (`"80"`, `"8080:80"`,
 * `"127.0.0.1:8080:80"`, `"[::1]:8080:80"`, `"::1:8080:80"`, `"9000-9001:80-81/udp"`) and long
 * syntax (`{ target, published, host_ip, protocol }`). A port with only a container side is
 * still published: Docker picks a random host port on every interface.
 */
import type { ComposeService } from '../parse/compose.js';
import { isRecord, type YamlPath } from '../parse/yamlSource.js';
import { isInterpolated } from './composeScalars.js';
import { ownSequence } from './composeSettings.js';

export interface PortRange {
  from: number;
  to: number;
}

export interface PublishedPort {
  /** Undefined when none is given: Docker then listens on all interfaces. */
  hostIp: string | undefined;
  /** Undefined when Docker picks a random host port. */
  published: PortRange | undefined;
  target: PortRange;
  /** The entry as a learner would recognise it, for messages. */
  written: string;
  path: YamlPath;
}

/** @example publishedPorts(web).map((port) => port.written) // ['127.0.0.1:8080:80'] */
export function publishedPorts(service: ComposeService): PublishedPort[] {
  return ownSequence(service, 'ports').flatMap(({ value, path }) => {
    const port = typeof value === 'string' || typeof value === 'number' ? readShortSyntax(String(value)) : isRecord(value) ? readLongSyntax(value) : undefined;
    return port ? [{ ...port, path }] : [];
  });
}

/** True when a host IP (or its absence) means every interface of the host. */
export function listensOnAllInterfaces(port: PublishedPort): boolean {
  return port.hostIp === undefined || port.hostIp === '' || port.hostIp === '0.0.0.0' || port.hostIp === '::';
}

export function isLoopback(hostIp: string | undefined): boolean {
  return hostIp !== undefined && (hostIp === '::1' || hostIp === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostIp));
}

export function rangeIncludes(range: PortRange | undefined, port: number): boolean {
  return range !== undefined && range.from <= port && port <= range.to;
}

function readShortSyntax(entry: string): Omit<PublishedPort, 'path'> | undefined {
  if (isInterpolated(entry)) return undefined;
  const withoutProtocol = entry.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  const parts = withoutProtocol.split(':');
  const target = parseRange(parts.pop());
  if (!target) return undefined;
  const publishedText = parts.pop();
  const published = publishedText === undefined || publishedText === '' ? undefined : parseRange(publishedText);
  const hostIp = parts.length > 0 ? parts.join(':').replace(/^\[(.*)\]$/, '$1') : undefined;
  return { hostIp, published, target, written: entry };
}

function readLongSyntax(entry: Record<string, unknown>): Omit<PublishedPort, 'path'> | undefined {
  const target = parseRange(entry.target);
  if (!target) return undefined;
  const published = entry.published === undefined || entry.published === null ? undefined : parseRange(entry.published);
  const hostIp = typeof entry.host_ip === 'string' ? entry.host_ip.replace(/^\[(.*)\]$/, '$1') : undefined;
  const written = `${hostIp === undefined ? '' : `host_ip: ${hostIp}, `}published: ${String(entry.published ?? '(random)')}, target: ${String(entry.target)}`;
  return { hostIp, published, target, written };
}

function parseRange(value: unknown): PortRange | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  const match = text === undefined ? null : /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match?.[1]) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to ? { from, to } : undefined;
}

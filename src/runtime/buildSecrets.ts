/**
 * Build secrets for `RUN --mount=type=secret,id=x`, handed to BuildKit through a build session:
 * the client opens POST /session, the engine upgrades it to HTTP/2 and calls back into the
 * client over gRPC (moby.buildkit.secrets.v1.Secrets/GetSecret) when a RUN mounts a secret. The
 * secret lives only in that RUN's tmpfs: never in a layer, never in the image's history.
 *
 * dockerode 5 opens such a session for `version: '2'` builds but serves only registry
 * credentials, so this module serves its own. It uses dockerode's own gRPC server library,
 * resolved from dockerode's install (it is dockerode's dependency, not ours). The two protobuf
 * messages involved are tiny, so they are encoded here by hand rather than loading .proto files.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';

export const SECRETS_METHOD = '/moby.buildkit.secrets.v1.Secrets/GetSecret';
const HEALTH_METHOD = '/grpc.health.v1.Health/Check';

export interface SecretsSession {
  /** Passed to the build as `session`. */
  id: string;
  close(): void;
}

/** The few members of @grpc/grpc-js used here. */
interface GrpcModule {
  Server: new () => {
    addService(service: Record<string, unknown>, implementation: Record<string, unknown>): void;
    createConnectionInjector(credentials: unknown): { injectConnection(socket: Duplex): void };
    forceShutdown(): void;
  };
  ServerCredentials: { createInsecure(): unknown };
  status: { NOT_FOUND: number };
}

let grpcModule: GrpcModule | null | undefined;

/**
 * The gRPC library (a declared dependency, the same one dockerode uses for its own build
 * sessions), loaded only when a build needs secrets; undefined if it cannot be loaded.
 */
export function loadGrpc(): GrpcModule | undefined {
  if (grpcModule === undefined) {
    try {
      grpcModule = createRequire(import.meta.url)('@grpc/grpc-js') as GrpcModule;
    } catch {
      grpcModule = null;
    }
  }
  return grpcModule ?? undefined;
}

/** Encodes GetSecretResponse { bytes data = 1 }. */
export function encodeSecretResponse(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x0a]), encodeVarint(data.length), data]);
}

/** Decodes the `ID` (field 1) of a GetSecretRequest, skipping the annotations map (field 2). */
export function decodeSecretRequest(message: Buffer): { id: string } {
  let offset = 0;
  let id = '';
  const readVarint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = message[offset++];
      if (byte === undefined) throw new Error('truncated GetSecretRequest');
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
    }
  };
  while (offset < message.length) {
    const key = readVarint();
    const wireType = key & 7;
    if (wireType === 2) {
      const length = readVarint();
      const bytes = message.subarray(offset, offset + length);
      offset += length;
      if (key >>> 3 === 1) id = bytes.toString('utf8');
    } else if (wireType === 0) {
      readVarint();
    } else {
      throw new Error(`unexpected protobuf wire type ${wireType} in GetSecretRequest`);
    }
  }
  return { id };
}

function encodeVarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return Buffer.from(bytes);
}

/**
 * Opens a build session that answers GetSecret from `secrets`. Unknown ids get NOT_FOUND, which
 * BuildKit turns into "secret x not found" for a `required` mount and an empty mount otherwise.
 */
export async function openSecretsSession(docker: Docker, secrets: Readonly<Record<string, string>>, grpc: GrpcModule): Promise<SecretsSession> {
  const id = randomUUID();
  const socket = await new Promise<Duplex>((resolve, reject) => {
    docker.modem.dial(
      {
        method: 'POST',
        path: '/session',
        hijack: true,
        headers: {
          Upgrade: 'h2c',
          'X-Docker-Expose-Session-Uuid': id,
          'X-Docker-Expose-Session-Name': 'shipshape',
          // The engine only calls methods the session announces.
          'X-Docker-Expose-Session-Grpc-Method': [SECRETS_METHOD, HEALTH_METHOD],
        },
        statusCodes: { 101: true, 200: true, 500: 'server error' },
      } as unknown as Parameters<Docker['modem']['dial']>[0],
      (error: Error | null, stream: unknown) => (error ? reject(error) : resolve(stream as Duplex)),
    );
  });
  const server = new grpc.Server();
  const raw = (bytes: Buffer) => bytes;
  server.addService(
    { GetSecret: { path: SECRETS_METHOD, requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: decodeSecretRequest, responseSerialize: encodeSecretResponse, responseDeserialize: raw } },
    {
      GetSecret(call: { request: { id: string } }, reply: (error: { code: number; details: string } | null, data?: Buffer) => void) {
        const value = secrets[call.request.id];
        if (value === undefined) reply({ code: grpc.status.NOT_FOUND, details: `secret ${call.request.id} not provided` });
        else reply(null, Buffer.from(value, 'utf8'));
      },
    },
  );
  // The engine checks the session's health now and then and drops sessions that do not answer.
  server.addService(
    { Check: { path: HEALTH_METHOD, requestStream: false, responseStream: false, requestSerialize: raw, requestDeserialize: raw, responseSerialize: () => Buffer.from([0x08, 0x01]), responseDeserialize: raw } },
    { Check: (_call: unknown, reply: (error: null, response: object) => void) => reply(null, {}) },
  );
  server.createConnectionInjector(grpc.ServerCredentials.createInsecure()).injectConnection(socket);
  return {
    id,
    close() {
      server.forceShutdown();
      socket.destroy();
    },
  };
}

import fc from 'fast-check';
import type { RawRequest } from './raw-http';

/** What the fuzzer should know of a protocol to mutate its requests into interesting shapes. */
export interface MutationVocabulary {
  /** Values worth trying for each header, beyond random text: content types, targets, encodings. */
  headerValues: Readonly<Record<string, readonly string[]>>;
  /** Path segments worth trying: the service's own words, which reach deeper than random text. */
  pathSegments?: readonly string[];
}

type Mutation = (request: RawRequest) => RawRequest;

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

/** Lengths at and around the limits the services declare (ids, text, messages, bodies). */
const LENGTHS = [0, 1, 2, 99, 100, 101, 140, 141, 250, 251, 1023, 1024, 1025, 3000, 3001, 6001, 70_000];
const longText = fc
  .tuple(fc.constantFrom(...LENGTHS), fc.constantFrom('x', 'é', '😀', ' ', '<', '\u0000'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const anyText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: longText, weight: 2 },
);

const anyJson = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: longText, weight: 1 },
  { arbitrary: fc.constantFrom(null, -1, 0, 1.5, 1e308, '', [], {}, true), weight: 2 },
);

/** A cut through a surrogate pair leaves half of it, which no URL can carry. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Picks one of `count` things from a generated natural number, so shrinking stays meaningful. */
function pick(index: number, count: number): number {
  return count === 0 ? 0 : index % count;
}

function withBody(request: RawRequest, body: Buffer | string): RawRequest {
  return { ...request, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Every path to a value inside `value`, containers included, the root first. */
function jsonPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [
    prefix,
    ...Object.entries(value).flatMap(([key, child]) =>
      jsonPaths(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

function editJson(
  root: unknown,
  path: (string | number)[],
  edit: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  if (path.length === 0) {
    const holder: Record<string, unknown> = { root };
    edit(holder, 'root');
    return holder.root;
  }
  const copy = structuredClone(root);
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (node, key) => node[key] as Record<string | number, unknown>,
      copy as Record<string | number, unknown>,
    );
  edit(parent, path[path.length - 1] as string | number);
  return copy;
}

/** JSON-aware changes: a member replaced, removed, added or resized; bodies that are not JSON pass through. */
const jsonMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), anyJson).map(([index, replacement]): Mutation => (request) => {
    const json = parseJson(request.body);
    if (json === undefined) return request;
    const paths = jsonPaths(json);
    const path = paths[pick(index, paths.length)] ?? [];
    return withBody(
      request,
      JSON.stringify(
        editJson(json, path, (parent, key) => {
          parent[key] = replacement;
        }),
      ) ?? '',
    );
  }),
  fc.nat().map((index): Mutation => (request) => {
    const json = parseJson(request.body);
    if (json === undefined) return request;
    const paths = jsonPaths(json).filter((path) => path.length > 0);
    const path = paths[pick(index, paths.length)];
    if (!path) return request;
    return withBody(
      request,
      JSON.stringify(
        editJson(json, path, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        }),
      ),
    );
  }),
  fc
    .tuple(fc.nat(), fc.string({ maxLength: 12 }), anyJson)
    .map(([index, name, value]): Mutation => (request) => {
      const json = parseJson(request.body);
      if (json === undefined) return request;
      const objects = jsonPaths(json).filter((path) => {
        const node = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], json);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      const path = objects[pick(index, objects.length)];
      if (!path) return request;
      const target = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], json);
      (target as Record<string, unknown>)[name] = value;
      return withBody(request, JSON.stringify(json));
    }),
);

const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (at): Mutation =>
      (request) =>
        withBody(request, request.body.subarray(0, pick(at, request.body.length + 1))),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]): Mutation => (request) => {
    if (request.body.length === 0) return request;
    const body = Buffer.from(request.body);
    const index = pick(at, body.length);
    body[index] = (body[index] ?? 0) ^ xor;
    return withBody(request, body);
  }),
  fc
    .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([at, bytes]): Mutation => (request) => {
      const index = pick(at, request.body.length + 1);
      return withBody(
        request,
        Buffer.concat([request.body.subarray(0, index), Buffer.from(bytes), request.body.subarray(index)]),
      );
    }),
  fc
    .oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      anyText,
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.constant('a'.repeat(1_100_000)),
    )
    .map(
      (body): Mutation =>
        (request) =>
          withBody(request, body),
    ),
  fc.constant<Mutation>((request) => withBody(request, Buffer.concat([request.body, request.body]))),
);

function headerMutation(vocabulary: MutationVocabulary): fc.Arbitrary<Mutation> {
  const known = Object.keys(vocabulary.headerValues);
  const value = (name: string): fc.Arbitrary<string> =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...(vocabulary.headerValues[name] ?? ['']), ''), weight: 3 },
      { arbitrary: printable, weight: 2 },
      { arbitrary: longText.map((text) => text.replace(/[^\x20-\x7e]/g, 'x')), weight: 1 },
    );
  const setKnown =
    known.length === 0
      ? []
      : [
          fc
            .constantFrom(...known)
            .chain((name) => value(name).map((text) => [name, text] as const))
            .map(([name, text]): Mutation => (request) => ({
              ...request,
              headers: [...request.headers.filter(([header]) => header.toLowerCase() !== name), [name, text]],
            })),
        ];
  return fc.oneof(
    fc.nat().map((index): Mutation => (request) => {
      const drop = pick(index, request.headers.length);
      return { ...request, headers: request.headers.filter((_, at) => at !== drop) };
    }),
    fc.tuple(fc.nat(), printable).map(([index, text]): Mutation => (request) => {
      const change = pick(index, request.headers.length);
      return {
        ...request,
        headers: request.headers.map(([name, old], at) => [name, at === change ? text : old] as const),
      };
    }),
    fc
      .tuple(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,20}$/), printable)
      .map(([name, text]): Mutation => (request) => ({
        ...request,
        headers: [...request.headers, [name, text]],
      })),
    ...setKnown,
  );
}

function pathMutation(vocabulary: MutationVocabulary): fc.Arbitrary<Mutation> {
  const segment = fc.oneof(
    { arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        ...(vocabulary.pathSegments ?? ['x']),
        '',
        '..',
        '.',
        '%zz',
        '%00',
        '%2F',
        '%E2%82',
      ),
      weight: 3,
    },
    { arbitrary: longText.map((text) => encodeURIComponent(wellFormed(text))), weight: 1 },
  );
  const segmentsOf = (target: string): { segments: string[]; query: string } => {
    const [path = '', query = ''] = target.split('?', 2);
    return { segments: path.split('/'), query };
  };
  const join = (segments: string[], query: string): string =>
    `${segments.join('/') || '/'}${query ? `?${query}` : ''}`;
  return fc.oneof(
    fc.tuple(fc.nat(), segment).map(([index, value]): Mutation => (request) => {
      const { segments, query } = segmentsOf(request.target);
      const at = 1 + pick(index, Math.max(1, segments.length - 1));
      segments[at] = value;
      return { ...request, target: join(segments, query) };
    }),
    fc.nat().map((index): Mutation => (request) => {
      const { segments, query } = segmentsOf(request.target);
      if (segments.length <= 2) return request;
      segments.splice(1 + pick(index, segments.length - 1), 1);
      return { ...request, target: join(segments, query) };
    }),
    segment.map((value): Mutation => (request) => {
      const { segments, query } = segmentsOf(request.target);
      return { ...request, target: join([...segments, value], query) };
    }),
    fc
      .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }))
      .map(([name, value]): Mutation => (request) => {
        const separator = request.target.includes('?') ? '&' : '?';
        return {
          ...request,
          target: `${request.target}${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
        };
      }),
  );
}

const methodMutation: fc.Arbitrary<Mutation> = fc
  .constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS')
  .map((method): Mutation => (request) => ({ ...request, method }));

const framingMutation: fc.Arbitrary<Mutation> = fc.constant<Mutation>((request) => ({
  ...request,
  chunked: !request.chunked,
}));

export interface MutatedRequest {
  seed: string;
  request: RawRequest;
}

/**
 * Requests that start as one of `seeds` (captured from the real SDK) and then take one to four mutations:
 * JSON members, raw bytes, headers, path, method or framing. `finish` runs last, e.g. to sign the result.
 */
export function mutatedRequests(
  seeds: Readonly<Record<string, RawRequest>>,
  vocabulary: MutationVocabulary,
  finish: (request: RawRequest) => fc.Arbitrary<RawRequest> = (request) => fc.constant(request),
): fc.Arbitrary<MutatedRequest> {
  const mutation = fc.oneof(
    { arbitrary: jsonMutation, weight: 6 },
    { arbitrary: byteMutation, weight: 3 },
    { arbitrary: headerMutation(vocabulary), weight: 4 },
    { arbitrary: pathMutation(vocabulary), weight: 2 },
    { arbitrary: methodMutation, weight: 1 },
    { arbitrary: framingMutation, weight: 1 },
  );
  return fc
    .tuple(fc.constantFrom(...Object.keys(seeds)), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .chain(([seed, mutations]) => {
      const start = seeds[seed] as RawRequest;
      const mutated = mutations.reduce((request, apply) => apply(request), start);
      return finish(mutated).map((request) => ({ seed, request }));
    });
}

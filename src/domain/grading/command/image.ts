/**
 * Image references as distribution/reference reads them:
 * `[HOST[:PORT]/][NAMESPACE/]REPOSITORY[:TAG][@DIGEST]`. The first path component is a registry
 * host only when it contains `.` or `:` or is exactly `localhost`.
 */
import type { Feedback } from '../verdict';
import type { ToolName } from './spec';

export interface ImageReference {
  readonly host: string | undefined;
  /** The repository path without the host, e.g. `library/nginx` or `team/app`. */
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function parseImageReference(text: string): ImageReference {
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const name = at === -1 ? text : text.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const repository = colon > slash ? name.slice(0, colon) : name;
  const firstSlash = repository.indexOf('/');
  const first = firstSlash === -1 ? undefined : repository.slice(0, firstSlash);
  const isHost = first !== undefined && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    host: isHost ? first : undefined,
    path: isHost ? repository.slice(firstSlash + 1) : repository,
    tag,
    digest,
  };
}

function formatReference(reference: ImageReference): string {
  const host = reference.host ? `${reference.host}/` : '';
  const tag = reference.tag ? `:${reference.tag}` : '';
  const digest = reference.digest ? `@${reference.digest}` : '';
  return `${host}${reference.path}${tag}${digest}`;
}

/**
 * Returns the fully qualified form of a reference. Docker and Kubernetes resolve a missing host
 * to `docker.io` and a one-part Docker Hub name to `library/NAME`; podman and buildah store
 * locally built unqualified names as `localhost/NAME`, so for them `localhost/app` = `app`.
 * A missing tag and digest mean `latest` everywhere.
 */
export function canonicalImage(text: string, tool: ToolName): string {
  const reference = parseImageReference(text);
  const tag = reference.tag ?? (reference.digest ? undefined : 'latest');
  if (tool === 'podman' || tool === 'buildah') {
    const host = reference.host === 'localhost' ? undefined : reference.host;
    const path = host === 'docker.io' && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
    return formatReference({ ...reference, host, path, tag });
  }
  const host = reference.host === undefined || reference.host === 'index.docker.io' ? 'docker.io' : reference.host;
  const path = host === 'docker.io' && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
  return formatReference({ host, path, tag, digest: reference.digest });
}

/** Compares two image names, as typed unless `normalize` asks for the references to be resolved. */
export function sameImage(expected: string, actual: string, tool: ToolName, normalize: boolean): boolean {
  if (expected === actual) return true;
  return normalize && canonicalImage(expected, tool) === canonicalImage(actual, tool);
}

/** podman and buildah keep a locally built name without a registry host as `localhost/NAME`. */
function storesUnderLocalhost(tool: ToolName): boolean {
  return tool === 'podman' || tool === 'buildah';
}

/** The parts of a reference after the tool's defaults are applied, for explaining differences. */
interface ResolvedReference {
  /** The registry host; undefined for a podman or buildah name without one (or with `localhost`). */
  readonly host: string | undefined;
  readonly path: string;
  /** The tag, `latest` when neither tag nor digest is given, undefined for a digest alone. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

function resolveReference(text: string, tool: ToolName): ResolvedReference {
  const reference = parseImageReference(text);
  const tag = reference.tag ?? (reference.digest ? undefined : 'latest');
  let host: string | undefined;
  if (storesUnderLocalhost(tool)) host = reference.host === 'localhost' ? undefined : reference.host;
  else host = reference.host === undefined || reference.host === 'index.docker.io' ? 'docker.io' : reference.host;
  const path = host === 'docker.io' && !reference.path.includes('/') ? `library/${reference.path}` : reference.path;
  return { host, path, tag, digest: reference.digest };
}

function defaultHostSentence(tool: ToolName, actual: ImageReference): string {
  const withTag = formatReference({ ...actual, tag: actual.tag ?? (actual.digest ? undefined : 'latest') });
  if (storesUnderLocalhost(tool)) return `without a registry host, \`${withTag}\` is stored as \`localhost/${withTag}\``;
  const path = actual.path.includes('/') ? actual.path : `library/${actual.path}`;
  return `without a registry host, \`${withTag}\` means Docker Hub (\`docker.io/${path}\`)`;
}

/** Names the registry a reference resolves to, in the tool's own terms. */
function describeRegistry(typed: ImageReference, resolved: ResolvedReference, tool: ToolName): string {
  if (resolved.host === undefined) return `no registry host (${tool} keeps such a name as \`localhost/${typed.path}\`)`;
  if (typed.host === undefined) return 'no registry host, which means Docker Hub (`docker.io`)';
  return `the registry \`${typed.host}\``;
}

function describeTag(tag: string | undefined): string {
  return tag === undefined ? 'no tag, only a digest' : `the tag \`${tag}\``;
}

/**
 * Explains why an image name differs from the expected one, naming the rule: a missing tag
 * falls back to `latest`, a missing host means Docker Hub (or `localhost/` for podman and
 * buildah), and so on. Parts are compared after those defaults are applied, so a message never
 * names the same value on both sides.
 *
 * @param flag The flag that gave the name, e.g. "`-t`", or undefined for an operand.
 */
export function explainImageDifference(expected: string, actual: string, tool: ToolName, flag: string | undefined, normalize: boolean): Feedback {
  const want = parseImageReference(expected);
  const got = parseImageReference(actual);
  const wantResolved = resolveReference(expected, tool);
  const gotResolved = resolveReference(actual, tool);
  const samePlace = wantResolved.host === gotResolved.host && wantResolved.path === gotResolved.path;

  if (/[A-Z]/.test(got.path) && got.path.toLowerCase() === want.path.toLowerCase()) {
    return { code: 'invalid-image-name', expected, actual, message: `Repository names must be lowercase, so \`${actual}\` is not a valid image name.` };
  }
  if (!normalize && canonicalImage(expected, tool) === canonicalImage(actual, tool)) {
    return {
      code: 'image-spelling-differs',
      expected,
      actual,
      message: `\`${actual}\` names the same image as \`${expected}\`, but this card asks for the name exactly as written: \`${expected}\`.`,
    };
  }
  if (samePlace && wantResolved.tag !== 'latest' && wantResolved.tag !== undefined && got.tag === undefined && got.digest === undefined) {
    return {
      code: 'tag-defaults-to-latest',
      expected,
      actual,
      message: flag
        ? `${flag} sets the tag; \`${actual}\` alone means \`${actual}:latest\`, not \`${expected}\`.`
        : `\`${actual}\` has no tag, so it means \`${actual}:latest\`, not \`${expected}\`.`,
    };
  }
  if (samePlace && wantResolved.tag !== gotResolved.tag) {
    return { code: 'wrong-tag', expected, actual, message: `\`${actual}\` has ${describeTag(gotResolved.tag)}, but the task asks for ${describeTag(wantResolved.tag)}.` };
  }
  if (samePlace) {
    const message =
      wantResolved.digest === undefined
        ? `\`${actual}\` pins the digest \`${gotResolved.digest}\`, but the task names the image by tag only: \`${expected}\`.`
        : gotResolved.digest === undefined
          ? `The task pins the image by the digest \`${wantResolved.digest}\`, which \`${actual}\` leaves out.`
          : `The digest is \`${gotResolved.digest}\` here, but the task pins \`${wantResolved.digest}\`.`;
    return { code: 'wrong-digest', expected, actual, message };
  }
  if (want.host !== undefined && wantResolved.host !== undefined && got.host === undefined && want.path.endsWith(got.path)) {
    return { code: 'registry-missing', expected, actual, message: `The registry host is missing: ${defaultHostSentence(tool, got)}, not \`${want.host}\`.` };
  }
  if (wantResolved.host !== gotResolved.host && wantResolved.path === gotResolved.path) {
    return {
      code: 'wrong-registry',
      expected,
      actual,
      message: `\`${actual}\` names ${describeRegistry(got, gotResolved, tool)}, but the task names ${describeRegistry(want, wantResolved, tool)}.`,
    };
  }
  return { code: 'wrong-image', expected, actual, message: `The image is \`${actual}\` here, but the task asks for \`${expected}\`.` };
}

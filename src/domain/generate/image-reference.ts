/**
 * Container image references as Docker, podman and Kubernetes read them. The grammar and the
 * normalization follow distribution/reference (`regexp.go`, `normalize.go`, `reference.go`), the
 * parser that the kubelet, the API server defaults and the Docker CLI all use.
 *
 * Full form: `[HOST[:PORT]/][NAMESPACE/]REPOSITORY[:TAG][@DIGEST]`.
 */

export const DEFAULT_REGISTRY = 'docker.io';
/** The legacy Docker Hub host, which normalization replaces with `docker.io`. */
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library';
export const DEFAULT_TAG = 'latest';
/** Maximum length in characters of the repository path (everything after the registry host). */
const MAX_PATH_LENGTH = 255;

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6Address})(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';

const REFERENCE = new RegExp(`^((?:${domainAndPort}/)?${remoteName})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const NAME = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const TAG = new RegExp(`^${tagPattern}$`);
const DIGEST = new RegExp(`^${digestPattern}$`);
const PATH_COMPONENT = new RegExp(`^${pathComponent}$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;

/** Hex digits of each digest algorithm the registry libraries accept (go-digest). */
const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** A parsed, normalized image reference. */
export interface ImageReference {
  /** The reference as written. */
  readonly text: string;
  /** Registry host with its port, if any, or `docker.io` when the reference names no registry. */
  readonly registry: string;
  /** True when the text itself names the registry. */
  readonly registryGiven: boolean;
  /** Repository path on the registry, such as `library/nginx` or `team/api`. */
  readonly path: string;
  /** The path components before the last one (`library`, `team`, `acme/tools`), or empty when there are none. */
  readonly namespace: string;
  /** The last path component (`nginx`, `api`). */
  readonly repository: string;
  /** The tag as written, or undefined when the text has none. */
  readonly tag: string | undefined;
  /** The digest as written (`sha256:...`), or undefined when the text has none. */
  readonly digest: string | undefined;
}

export type ReferenceErrorCode =
  | 'empty'
  | 'identifier'
  | 'uppercase'
  | 'invalid-tag'
  | 'invalid-digest'
  | 'unsupported-digest'
  | 'name-too-long'
  | 'invalid-format';

export type ParsedReference =
  | { readonly ok: true; readonly reference: ImageReference }
  | { readonly ok: false; readonly code: ReferenceErrorCode; readonly message: string };

function invalid(code: ReferenceErrorCode, message: string): ParsedReference {
  return { ok: false, code, message };
}

/**
 * Splits a name into registry and path the way `splitDockerDomain` does: the first component is
 * a registry host only when it contains `.` or `:`, is exactly `localhost`, or has an uppercase
 * letter. Otherwise the name is on Docker Hub, and a one-component path gets `library/`.
 */
function splitRegistry(text: string): { registry: string; remainder: string; registryGiven: boolean } {
  const slash = text.indexOf('/');
  let registry = DEFAULT_REGISTRY;
  let remainder = text;
  let registryGiven = false;

  if (slash >= 0) {
    const first = text.slice(0, slash);
    const rest = text.slice(slash + 1);
    if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
      registry = first === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : first;
      remainder = rest;
      registryGiven = true;
    }
  }

  if (registry === DEFAULT_REGISTRY && !remainder.includes('/')) remainder = `${OFFICIAL_NAMESPACE}/${remainder}`;
  return { registry, remainder, registryGiven };
}

/** Explains why a reference that failed the grammar is invalid, naming the part at fault. */
function diagnoseFormat(text: string): ParsedReference {
  const at = text.indexOf('@');
  const name = at >= 0 ? text.slice(0, at) : text;
  if (at >= 0 && !DIGEST.test(text.slice(at + 1))) {
    return invalid('invalid-digest', `the digest ${JSON.stringify(text.slice(at + 1))} is invalid: write ALGORITHM:HEX, such as sha256: followed by 64 hex digits`);
  }
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  const tag = colon >= 0 ? name.slice(colon + 1) : undefined;
  const path = colon >= 0 ? name.slice(0, colon) : name;

  if (tag !== undefined && !TAG.test(tag) && NAME.test(path)) {
    return invalid(
      'invalid-tag',
      `the tag ${JSON.stringify(tag)} is invalid: a tag has 1 to 128 characters from letters, digits, "_", "." and "-", and cannot start with "." or "-"`,
    );
  }

  const components = path.split('/');
  const { registryGiven } = splitRegistry(path);
  const badComponent = components.slice(registryGiven ? 1 : 0).find((component) => !PATH_COMPONENT.test(component));
  if (badComponent !== undefined) {
    return invalid(
      'invalid-format',
      `the path component ${JSON.stringify(badComponent)} is invalid: components use lowercase letters and digits, separated by one ".", one or two "_", or any number of "-"`,
    );
  }
  return invalid('invalid-format', 'invalid reference format');
}

function checkDigest(digest: string): ParsedReference | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTHS[algorithm];
  if (length === undefined) {
    return invalid('unsupported-digest', `the digest algorithm ${JSON.stringify(algorithm)} is not supported; use sha256, sha384 or sha512`);
  }
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    return invalid('invalid-digest', `the ${algorithm} digest must be ${length} lowercase hex digits, got ${hex.length} characters`);
  }
  return undefined;
}

/**
 * Parses an image reference as Kubernetes and Docker do (distribution/reference
 * `ParseNormalizedNamed`), returning the normalized parts or why the text is invalid.
 *
 * @example
 *   parseImageReference('localhost:5000/app'); // registry 'localhost:5000', path 'app', no tag
 *   parseImageReference('myreg/app');          // registry 'docker.io', namespace 'myreg'
 *   parseImageReference('MyApp:1.0');          // invalid: repository name must be lowercase
 */
export function parseImageReference(text: string): ParsedReference {
  if (text === '') return invalid('empty', 'the reference is empty');
  if (IDENTIFIER.test(text)) {
    return invalid('identifier', 'a 64-digit hex string is an image ID, not a repository name');
  }

  const { registry, remainder, registryGiven } = splitRegistry(text);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    return invalid('uppercase', `the repository name ${JSON.stringify(remote.replace(/^library\//, ''))} must be lowercase`);
  }

  const match = REFERENCE.exec(`${registry}/${remainder}`);
  if (!match) return diagnoseFormat(text);
  const [, name = '', tag, digest] = match;
  const nameMatch = NAME.exec(name);
  const path = nameMatch?.[2] ?? name;
  if (path.length > MAX_PATH_LENGTH) {
    return invalid('name-too-long', `the repository path has ${path.length} characters; at most ${MAX_PATH_LENGTH} are allowed`);
  }
  if (digest !== undefined) {
    const digestProblem = checkDigest(digest);
    if (digestProblem) return digestProblem;
  }

  const lastSlash = path.lastIndexOf('/');
  return {
    ok: true,
    reference: {
      text,
      registry,
      registryGiven,
      path,
      namespace: lastSlash >= 0 ? path.slice(0, lastSlash) : '',
      repository: path.slice(lastSlash + 1),
      tag,
      digest,
    },
  };
}

/** Returns whether `text` is a valid image reference. */
export function isValidImageReference(text: string): boolean {
  return parseImageReference(text).ok;
}

/**
 * Returns the tag a reference means: the tag written, else `latest` when there is no digest either,
 * else undefined (a digest alone pins the content and implies no tag).
 */
export function effectiveTag(reference: ImageReference): string | undefined {
  if (reference.tag !== undefined) return reference.tag;
  return reference.digest === undefined ? DEFAULT_TAG : undefined;
}

/** Returns the fully qualified form, such as `docker.io/library/nginx:latest`. */
export function canonicalReference(reference: ImageReference): string {
  const tag = effectiveTag(reference);
  return `${reference.registry}/${reference.path}${tag === undefined ? '' : `:${tag}`}${reference.digest === undefined ? '' : `@${reference.digest}`}`;
}

/** Returns `registry/path` without tag or digest, such as `docker.io/library/nginx`. */
export function repositoryName(reference: ImageReference): string {
  return `${reference.registry}/${reference.path}`;
}

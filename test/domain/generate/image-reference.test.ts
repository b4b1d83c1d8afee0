import { describe, expect, it } from 'vitest';
import { canonicalReference, effectiveTag, isValidImageReference, parseImageReference } from '../../../src/domain/generate/image-reference';
import type { ReferenceErrorCode } from '../../../src/domain/generate/image-reference';

const DIGEST = 'sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45';

interface PartsRow {
  readonly text: string;
  readonly registry: string;
  readonly namespace: string;
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest?: string;
  /** The tag the reference means once `latest` is filled in. */
  readonly effective: string | undefined;
  readonly canonical: string;
}

// One row per image-reference fact: Docker Hub defaults, `library/`, the registry host rule,
// ports versus tags, and digests.
const VALID: readonly PartsRow[] = [
  { text: 'nginx', registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: undefined, effective: 'latest', canonical: 'docker.io/library/nginx:latest' },
  { text: 'nginx:latest', registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: 'latest', effective: 'latest', canonical: 'docker.io/library/nginx:latest' },
  { text: 'docker.io/library/nginx:latest', registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: 'latest', effective: 'latest', canonical: 'docker.io/library/nginx:latest' },
  { text: 'docker.io/nginx:latest', registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: 'latest', effective: 'latest', canonical: 'docker.io/library/nginx:latest' },
  { text: 'index.docker.io/nginx', registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: undefined, effective: 'latest', canonical: 'docker.io/library/nginx:latest' },
  { text: 'bitnami/nginx', registry: 'docker.io', namespace: 'bitnami', repository: 'nginx', tag: undefined, effective: 'latest', canonical: 'docker.io/bitnami/nginx:latest' },
  { text: 'myreg/app', registry: 'docker.io', namespace: 'myreg', repository: 'app', tag: undefined, effective: 'latest', canonical: 'docker.io/myreg/app:latest' },
  { text: 'myreg.local/app', registry: 'myreg.local', namespace: '', repository: 'app', tag: undefined, effective: 'latest', canonical: 'myreg.local/app:latest' },
  { text: 'localhost/app:1', registry: 'localhost', namespace: '', repository: 'app', tag: '1', effective: '1', canonical: 'localhost/app:1' },
  { text: 'localhost:5000/app', registry: 'localhost:5000', namespace: '', repository: 'app', tag: undefined, effective: 'latest', canonical: 'localhost:5000/app:latest' },
  { text: 'host:5000/app', registry: 'host:5000', namespace: '', repository: 'app', tag: undefined, effective: 'latest', canonical: 'host:5000/app:latest' },
  { text: 'registry.example.com:5000/team/api:1.4', registry: 'registry.example.com:5000', namespace: 'team', repository: 'api', tag: '1.4', effective: '1.4', canonical: 'registry.example.com:5000/team/api:1.4' },
  { text: 'ghcr.io/acme/tools/cli:0.9.1', registry: 'ghcr.io', namespace: 'acme/tools', repository: 'cli', tag: '0.9.1', effective: '0.9.1', canonical: 'ghcr.io/acme/tools/cli:0.9.1' },
  { text: '[::1]:5000/app:2', registry: '[::1]:5000', namespace: '', repository: 'app', tag: '2', effective: '2', canonical: '[::1]:5000/app:2' },
  { text: `app@${DIGEST}`, registry: 'docker.io', namespace: 'library', repository: 'app', tag: undefined, digest: DIGEST, effective: undefined, canonical: `docker.io/library/app@${DIGEST}` },
  { text: `app:1.2@${DIGEST}`, registry: 'docker.io', namespace: 'library', repository: 'app', tag: '1.2', digest: DIGEST, effective: '1.2', canonical: `docker.io/library/app:1.2@${DIGEST}` },
  { text: `app:latest@${DIGEST}`, registry: 'docker.io', namespace: 'library', repository: 'app', tag: 'latest', digest: DIGEST, effective: 'latest', canonical: `docker.io/library/app:latest@${DIGEST}` },
  // Without a slash the whole text is a Docker Hub name, so `:5000` is a tag here.
  { text: 'localhost:5000', registry: 'docker.io', namespace: 'library', repository: 'localhost', tag: '5000', effective: '5000', canonical: 'docker.io/library/localhost:5000' },
  { text: 'app:v1.0_RC1', registry: 'docker.io', namespace: 'library', repository: 'app', tag: 'v1.0_RC1', effective: 'v1.0_RC1', canonical: 'docker.io/library/app:v1.0_RC1' },
  { text: 'my__app', registry: 'docker.io', namespace: 'library', repository: 'my__app', tag: undefined, effective: 'latest', canonical: 'docker.io/library/my__app:latest' },
  { text: 'my-app--v2.x_y', registry: 'docker.io', namespace: 'library', repository: 'my-app--v2.x_y', tag: undefined, effective: 'latest', canonical: 'docker.io/library/my-app--v2.x_y:latest' },
  { text: `app:${'t'.repeat(128)}`, registry: 'docker.io', namespace: 'library', repository: 'app', tag: 't'.repeat(128), effective: 't'.repeat(128), canonical: `docker.io/library/app:${'t'.repeat(128)}` },
];

describe('parseImageReference valid', () => {
  it.each(VALID)('$text', (row) => {
    const parsed = parseImageReference(row.text);
    if (!parsed.ok) throw new Error(`expected ${row.text} to be valid, got: ${parsed.message}`);
    const reference = parsed.reference;
    expect(reference.registry).toBe(row.registry);
    expect(reference.namespace).toBe(row.namespace);
    expect(reference.repository).toBe(row.repository);
    expect(reference.tag).toBe(row.tag);
    expect(reference.digest).toBe(row.digest);
    expect(effectiveTag(reference)).toBe(row.effective);
    expect(canonicalReference(reference)).toBe(row.canonical);
  });
});

const INVALID: readonly { text: string; code: ReferenceErrorCode; message: RegExp }[] = [
  { text: '', code: 'empty', message: /empty/ },
  { text: 'MyApp:1.0', code: 'uppercase', message: /"MyApp" must be lowercase/ },
  { text: 'registry.example.com/Team/api:1', code: 'uppercase', message: /"Team\/api" must be lowercase/ },
  { text: 'localhost:5000/App', code: 'uppercase', message: /"App" must be lowercase/ },
  { text: 'nginx:-beta', code: 'invalid-tag', message: /tag "-beta" is invalid/ },
  { text: 'nginx:.hidden', code: 'invalid-tag', message: /tag ".hidden" is invalid/ },
  { text: 'team/app:', code: 'invalid-tag', message: /tag "" is invalid/ },
  { text: 'app:1.0:2', code: 'invalid-tag', message: /tag "1.0:2" is invalid/ },
  { text: `app:${'t'.repeat(129)}`, code: 'invalid-tag', message: /at most 128|1 to 128/ },
  { text: 'my___app', code: 'invalid-format', message: /path component "my___app"/ },
  { text: 'app-:1', code: 'invalid-format', message: /path component "app-"/ },
  { text: 'app@sha256:1234', code: 'invalid-digest', message: /digest "sha256:1234" is invalid/ },
  { text: `app@sha256:${'A'.repeat(64)}`, code: 'invalid-digest', message: /64 lowercase hex digits/ },
  { text: `app@sha256:${'a'.repeat(63)}0f`, code: 'invalid-digest', message: /64 lowercase hex digits/ },
  { text: `app@md5:${'a'.repeat(32)}`, code: 'unsupported-digest', message: /"md5" is not supported/ },
  { text: 'c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', code: 'identifier', message: /image ID/ },
  { text: `registry.example.com/${'a'.repeat(256)}`, code: 'name-too-long', message: /256 characters/ },
];

describe('parseImageReference invalid', () => {
  it.each(INVALID)('$text', (row) => {
    const parsed = parseImageReference(row.text);
    if (parsed.ok) throw new Error(`expected ${row.text} to be invalid`);
    expect(parsed.code).toBe(row.code);
    expect(parsed.message).toMatch(row.message);
  });
});

function referenceOf(text: string) {
  const parsed = parseImageReference(text);
  if (!parsed.ok) throw new Error(`expected ${text} to be valid, got: ${parsed.message}`);
  return parsed.reference;
}

describe('parseImageReference registry rule', () => {
  it('uppercase first component is a host', () => {
    // distribution/reference reads an uppercase first component as a host, because a Docker Hub
    // namespace cannot contain uppercase letters.
    expect(referenceOf('MyReg/app').registry).toBe('MyReg');
  });

  it('registryGiven only for named hosts', () => {
    expect(referenceOf('docker.io/library/nginx').registryGiven).toBe(true);
    expect(referenceOf('nginx').registryGiven).toBe(false);
  });

  it('isValidImageReference matches parse', () => {
    expect(isValidImageReference('nginx:1.27')).toBe(true);
    expect(isValidImageReference('MyApp:1.0')).toBe(false);
  });
});

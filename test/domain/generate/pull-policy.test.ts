import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../../src/domain/generate/image-reference';
import { defaultPullPolicy, isPullPolicy, resolvePullPolicy } from '../../../src/domain/generate/pull-policy';
import type { DefaultPolicyReason, PullPolicy } from '../../../src/domain/generate/pull-policy';

const DIGEST = 'sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45';

// Default when imagePullPolicy is left out: a missing tag counts as `latest`, `latest` gives
// Always, everything else IfNotPresent (the tag decides even when a digest is given).
const DEFAULTS: readonly { image: string; policy: PullPolicy; reason: DefaultPolicyReason }[] = [
  { image: `app@${DIGEST}`, policy: 'IfNotPresent', reason: 'digest' },
  { image: 'nginx:latest', policy: 'Always', reason: 'latest-tag' },
  { image: 'nginx', policy: 'Always', reason: 'no-tag' },
  { image: 'nginx:1.27', policy: 'IfNotPresent', reason: 'other-tag' },
  { image: `app:latest@${DIGEST}`, policy: 'Always', reason: 'latest-tag-with-digest' },
  { image: `app:1.2@${DIGEST}`, policy: 'IfNotPresent', reason: 'other-tag' },
  { image: 'localhost:5000/app', policy: 'Always', reason: 'no-tag' },
  { image: 'registry.example.com:5000/team/api', policy: 'Always', reason: 'no-tag' },
  { image: 'registry.example.com:5000/team/api:1.4', policy: 'IfNotPresent', reason: 'other-tag' },
  { image: 'myreg/app', policy: 'Always', reason: 'no-tag' },
  { image: 'docker.io/library/nginx:latest', policy: 'Always', reason: 'latest-tag' },
  { image: 'busybox:LATEST', policy: 'IfNotPresent', reason: 'other-tag' },
  { image: 'nginx:stable', policy: 'IfNotPresent', reason: 'other-tag' },
];

describe('defaultPullPolicy', () => {
  it.each(DEFAULTS)('$image', (row) => {
    const parsed = parseImageReference(row.image);
    if (!parsed.ok) throw new Error(parsed.message);
    const defaulted = defaultPullPolicy(parsed.reference);
    expect(defaulted.policy).toBe(row.policy);
    expect(defaulted.reason).toBe(row.reason);
  });
});

/** Resolves a policy that must be valid, failing the test with the resolver's message otherwise. */
function policyOf(image: string, policy?: string) {
  const resolved = resolvePullPolicy(image, policy);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved;
}

describe('resolvePullPolicy', () => {
  const SET: readonly { image: string; policy: PullPolicy }[] = [
    { image: 'nginx:latest', policy: 'Never' },
    { image: 'nginx', policy: 'IfNotPresent' },
    { image: 'nginx:1.27', policy: 'Always' },
    { image: `app@${DIGEST}`, policy: 'Always' },
    { image: 'localhost:5000/app', policy: 'Never' },
  ];

  it.each(SET)('field set $policy for $image', (row) => {
    const resolved = policyOf(row.image, row.policy);
    expect(resolved.policy).toBe(row.policy);
    expect(resolved.defaulted).toBeUndefined();
  });

  it.each(DEFAULTS)('field omitted for $image', (row) => {
    expect(policyOf(row.image).policy).toBe(row.policy);
  });

  it('empty field counts as omitted', () => {
    expect(policyOf('nginx', '').policy).toBe('Always');
  });

  it.each(['always', 'ifNotPresent', 'NEVER', 'ifnotpresent'])('wrong case %s', (policy) => {
    const resolved = resolvePullPolicy('nginx', policy);
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? '' : resolved.field).toBe('policy');
    expect(resolved.ok ? '' : resolved.message).toMatch(/case-sensitive/);
  });

  it('unknown policy', () => {
    const resolved = resolvePullPolicy('nginx', 'Sometimes');
    expect(resolved.ok ? '' : resolved.message).toMatch(/expected Always, IfNotPresent or Never$/);
  });

  it('invalid image', () => {
    const resolved = resolvePullPolicy('MyApp:1.0');
    expect(resolved.ok ? '' : resolved.field).toBe('image');
    expect(resolved.ok ? '' : resolved.message).toMatch(/must be lowercase/);
  });
});

describe('isPullPolicy', () => {
  it.each([
    ['Always', true],
    ['IfNotPresent', true],
    ['Never', true],
    ['always', false],
    ['ifNotPresent', false],
    ['', false],
  ] as const)('%s', (value, expected) => {
    expect(isPullPolicy(value)).toBe(expected);
  });
});

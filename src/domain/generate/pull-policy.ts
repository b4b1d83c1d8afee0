/**
 * imagePullPolicy as Kubernetes sets and applies it. The default comes from `SetDefaults_Container`
 * (kubernetes/kubernetes `pkg/apis/core/v1/defaults.go`) and `ParseImageName`
 * (`pkg/util/parsers/parsers.go`): a missing tag and digest count as tag `latest`, tag `latest`
 * gives Always, and everything else gives IfNotPresent.
 */

import { DEFAULT_TAG, parseImageReference } from './image-reference';
import type { ImageReference, ParsedReference } from './image-reference';

export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
export type PullPolicy = (typeof PULL_POLICIES)[number];

/** The part of the reference that decided the default policy. */
export type DefaultPolicyReason =
  /** Neither tag nor digest: the tag counts as `latest`. */
  | 'no-tag'
  /** The tag is exactly `latest` and there is no digest. */
  | 'latest-tag'
  /** The tag is `latest` and a digest is given too. The tag alone decides. */
  | 'latest-tag-with-digest'
  /** A digest and no tag. */
  | 'digest'
  /** A tag other than `latest` (the comparison is case-sensitive). */
  | 'other-tag';

export interface DefaultPolicy {
  readonly policy: PullPolicy;
  readonly reason: DefaultPolicyReason;
}

/** Returns whether `value` is one of the three policies, spelled with their exact case. */
export function isPullPolicy(value: string): value is PullPolicy {
  return (PULL_POLICIES as readonly string[]).includes(value);
}

/**
 * Returns the policy the API server writes when a container omits imagePullPolicy. It is set once,
 * when the Pod or workload template is created, and not recalculated when the image changes later.
 */
export function defaultPullPolicy(reference: ImageReference): DefaultPolicy {
  const { tag, digest } = reference;
  if (tag === undefined) {
    return digest === undefined ? { policy: 'Always', reason: 'no-tag' } : { policy: 'IfNotPresent', reason: 'digest' };
  }
  if (tag === DEFAULT_TAG) {
    return { policy: 'Always', reason: digest === undefined ? 'latest-tag' : 'latest-tag-with-digest' };
  }
  return { policy: 'IfNotPresent', reason: 'other-tag' };
}

export type EffectivePolicy =
  | { readonly ok: true; readonly policy: PullPolicy; readonly defaulted: DefaultPolicy | undefined }
  | { readonly ok: false; readonly field: 'image' | 'policy'; readonly message: string };

/**
 * Returns the policy a container runs with: the field when it is set, else the default for its
 * image. `policy` undefined or empty means the field is left out.
 *
 * @example
 *   resolvePullPolicy('nginx:1.25');            // IfNotPresent (defaulted)
 *   resolvePullPolicy('nginx:1.25', 'Always');  // Always (as set)
 *   resolvePullPolicy('nginx', 'always');       // error: the value is case-sensitive
 */
export function resolvePullPolicy(image: string, policy?: string): EffectivePolicy {
  const parsed: ParsedReference = parseImageReference(image);
  if (!parsed.ok) return { ok: false, field: 'image', message: `invalid image reference ${JSON.stringify(image)}: ${parsed.message}` };

  if (policy === undefined || policy === '') {
    const defaulted = defaultPullPolicy(parsed.reference);
    return { ok: true, policy: defaulted.policy, defaulted };
  }
  if (isPullPolicy(policy)) return { ok: true, policy, defaulted: undefined };

  const sameLetters = PULL_POLICIES.find((candidate) => candidate.toLowerCase() === policy.toLowerCase());
  const hint = sameLetters ? `; the value is case-sensitive, so write ${sameLetters}` : '';
  return { ok: false, field: 'policy', message: `invalid imagePullPolicy ${JSON.stringify(policy)}: expected Always, IfNotPresent or Never${hint}` };
}

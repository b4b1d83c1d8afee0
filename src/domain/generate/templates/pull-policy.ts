/** Templates about imagePullPolicy: its default for an image, and the policy that applies. */

import { choiceQuestion, exactAnswer } from '../answers';
import { parseImageReference } from '../image-reference';
import type { ImageReference } from '../image-reference';
import { code, codeBlock } from '../markdown';
import { choiceOf, imageReferenceItem, parameter } from '../parameters';
import { PULL_POLICIES, defaultPullPolicy } from '../pull-policy';
import type { DefaultPolicy, PullPolicy } from '../pull-policy';
import type { RenderedQuestion, Template } from '../template';
import { POLICY_IMAGES } from './pools';

const RULE =
  'Rule: with `imagePullPolicy` left out, no tag or the tag `latest` gives `Always`; any other tag, or a digest without a tag, gives `IfNotPresent`. ' +
  'The API server sets the default once, when the Pod or workload template is created.';

function referenceOf(image: string): ImageReference {
  const parsed = parseImageReference(image);
  if (!parsed.ok) throw new RangeError(`Invalid image ${JSON.stringify(image)} reached a template: ${parsed.message}.`);
  return parsed.reference;
}

/** Explains the default policy of one reference, naming the part that decided it. */
export function explainDefaultPolicy(reference: ImageReference, defaulted: DefaultPolicy): string {
  const image = code(reference.text);
  const portNote = /:\d+$/.test(reference.registry) && reference.registryGiven
    ? ` The ${code(reference.registry.slice(reference.registry.lastIndexOf(':')))} after the host is the registry port, not a tag.`
    : '';

  let reason: string;
  switch (defaulted.reason) {
    case 'no-tag':
      reason = `${image} has neither a tag nor a digest, so it counts as tag \`latest\`, and \`latest\` defaults to \`Always\`.${portNote}`;
      break;
    case 'latest-tag':
      reason = `The tag of ${image} is \`latest\`, which defaults to \`Always\`.`;
      break;
    case 'latest-tag-with-digest':
      reason = `The tag of ${image} is \`latest\`, so the default is \`Always\` even though a digest is given: when a tag is written, the digest does not change the default, while the pull itself uses the digest.`;
      break;
    case 'digest':
      reason = `${image} has a digest and no tag. Only the tag \`latest\` (written or implied) gives \`Always\`, so the default is \`IfNotPresent\`.`;
      break;
    case 'other-tag': {
      const tag = reference.tag ?? '';
      const caseNote = tag.toLowerCase() === 'latest' ? ' The comparison with `latest` is case-sensitive.' : '';
      reason = `The tag ${code(tag)} is not \`latest\`, so the default is \`IfNotPresent\`.${caseNote}${portNote}`;
      break;
    }
  }
  return `${reason}\n\n${RULE}`;
}

const policyOption = (policy: PullPolicy) => code(policy);

const FORMS = ['typed', 'choice'] as const;

type DefaultParameter = 'image' | 'form';

export const pullPolicyDefault: Template<DefaultParameter> = {
  id: 'pull-policy/default',
  summary: 'Which imagePullPolicy Kubernetes sets for an image reference when the field is left out.',
  parameters: {
    image: parameter('An image reference to ask about.', imageReferenceItem('An image reference to ask about.'), POLICY_IMAGES),
    form: parameter('How the question is asked: a typed policy name or a choice of the three.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const reference = referenceOf(draw('image'));
    const form = draw('form');
    const defaulted = defaultPullPolicy(reference);
    const explanation = explainDefaultPolicy(reference, defaulted);
    const lead = `A container in a new Pod sets ${code(`image: ${reference.text}`)} and leaves out \`imagePullPolicy\`.`;

    if (form === 'choice') {
      const question = choiceQuestion(rng, policyOption(defaulted.policy), PULL_POLICIES.map(policyOption));
      return { prompt: `${lead} Which \`imagePullPolicy\` does the Pod get?`, explanation, ...question };
    }
    const prompt = `${lead} Which \`imagePullPolicy\` does the Pod get? Type the value as the API spells it.`;
    return { prompt, explanation, ...exactAnswer(defaulted.policy) };
  },
};

/**
 * The kubelet's action at container start, by policy and by whether the image is on the node.
 * NOTE: these follow the Kubernetes 1.32 docs. With the KubeletEnsureSecretPulledImages gate (beta
 * and on by default in 1.35), an image first pulled with credentials is checked again for a Pod
 * that does not present them, even with IfNotPresent. The prompts name no credentials.
 */
const BEHAVIOURS = {
  resolve: 'The kubelet asks the registry which digest the name points to, and pulls only when no local image has that digest.',
  local: 'The kubelet starts the container from the local image without contacting the registry.',
  pull: 'The kubelet pulls the image from the registry.',
  neverPull: 'The container does not start: its waiting reason is `ErrImageNeverPull`.',
} as const;

const BEHAVIOUR_RULES: Record<PullPolicy, string> = {
  Always: '`Always`: on every container start the kubelet resolves the name to a digest at the registry and reuses a local image with that digest, pulling otherwise.',
  IfNotPresent: '`IfNotPresent`: the kubelet pulls only when the image is not on the node.',
  Never: '`Never`: the kubelet never pulls. It starts the container if the image is on the node, and otherwise fails with `ErrImageNeverPull`.',
};

function behaviourOf(policy: PullPolicy, onNode: boolean): keyof typeof BEHAVIOURS {
  if (policy === 'Always') return 'resolve';
  if (onNode) return 'local';
  return policy === 'IfNotPresent' ? 'pull' : 'neverPull';
}

/**
 * Returns the wrong options for the behaviour question. When the image is not on the node,
 * `Always` and `IfNotPresent` both end in a pull, so the option that describes the other policy
 * would also be true, and it is left out.
 */
function behaviourDistractors(policy: PullPolicy, onNode: boolean): string[] {
  const alsoTrue = new Set<string>();
  if (!onNode && policy === 'Always') alsoTrue.add(BEHAVIOURS.pull);
  if (!onNode && policy === 'IfNotPresent') alsoTrue.add(BEHAVIOURS.resolve);
  return Object.values(BEHAVIOURS).filter((text) => !alsoTrue.has(text));
}

const EFFECTIVE_FORMS = ['typed', 'choice', 'behaviour'] as const;
const POLICY_FIELD_VALUES = ['', ...PULL_POLICIES] as const;

type EffectiveParameter = 'image' | 'policy' | 'form' | 'onNode';

export const pullPolicyEffective: Template<EffectiveParameter> = {
  id: 'pull-policy/effective',
  summary: 'Which imagePullPolicy applies to a container, with the field set or left out, and what the kubelet then does.',
  parameters: {
    image: parameter('An image reference to ask about.', imageReferenceItem('An image reference to ask about.'), POLICY_IMAGES),
    policy: parameter(
      'The imagePullPolicy field as written in the Pod; "" leaves the field out.',
      choiceOf(POLICY_FIELD_VALUES, 'Always, IfNotPresent, Never, or "" for no field'),
      POLICY_FIELD_VALUES,
    ),
    form: parameter(
      'typed (the policy name), choice (one of the three policies) or behaviour (what the kubelet does at container start).',
      choiceOf(EFFECTIVE_FORMS, 'typed, choice or behaviour'),
      EFFECTIVE_FORMS,
    ),
    onNode: parameter('For the behaviour form: whether the image is already on the node ("yes" or "no").', choiceOf(['yes', 'no'], 'yes or no'), ['yes', 'no']),
  },
  render(draw, rng): RenderedQuestion {
    const reference = referenceOf(draw('image'));
    const field = draw('policy');
    const form = draw('form');

    const lines = ['containers:', '- name: app', `  image: ${reference.text}`, ...(field === '' ? [] : [`  imagePullPolicy: ${field}`])];
    const manifest = codeBlock('yaml', lines);
    const defaulted = field === '' ? defaultPullPolicy(reference) : undefined;
    const policy: PullPolicy = defaulted ? defaulted.policy : (field as PullPolicy);
    const policyExplanation = defaulted
      ? explainDefaultPolicy(reference, defaulted)
      : `The field is set, so \`${policy}\` applies as written; the image tag matters only when the field is left out.`;

    if (form === 'behaviour') {
      const onNode = draw('onNode') === 'yes';
      const situation = onNode ? 'An image with this name is already on the node.' : 'The image is not on the node yet.';
      const question = choiceQuestion(rng, BEHAVIOURS[behaviourOf(policy, onNode)], behaviourDistractors(policy, onNode));
      return {
        prompt: `A Pod is created with this container:\n\n${manifest}\n\n${situation} What happens when the container starts?`,
        explanation: `The policy is \`${policy}\`. ${policyExplanation}\n\n${BEHAVIOUR_RULES[policy]}`,
        ...question,
      };
    }

    const prompt = `A Pod is created with this container:\n\n${manifest}\n\nWhich \`imagePullPolicy\` applies to the container?`;
    if (form === 'choice') {
      return { prompt, explanation: policyExplanation, ...choiceQuestion(rng, policyOption(policy), PULL_POLICIES.map(policyOption)) };
    }
    return { prompt: `${prompt} Type the value as the API spells it.`, explanation: policyExplanation, ...exactAnswer(policy) };
  },
};

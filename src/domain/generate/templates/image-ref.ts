/** Templates about the parts of an image reference and whether a reference is valid. */

import { choiceQuestion, exactAnswer } from '../answers';
import { DEFAULT_REGISTRY, canonicalReference, effectiveTag, isValidImageReference, parseImageReference } from '../image-reference';
import type { ImageReference } from '../image-reference';
import { code } from '../markdown';
import { checkedString, choiceOf, imageReferenceItem, parameter } from '../parameters';
import type { RenderedQuestion, Template } from '../template';
import { EXAMPLE_DIGEST } from './pools';

/** The answer for a part the reference does not have. */
const NONE = 'none';

const PART_IMAGES: readonly string[] = [
  'nginx',
  'nginx:1.27-alpine',
  'bitnami/redis:7.4',
  'myreg/app:2.0',
  'myreg.local/app',
  'localhost/app:1',
  'localhost:5000/app',
  'localhost:5000/team/app:v3',
  'registry.example.com:5000/team/api:1.4',
  'ghcr.io/acme/tools/cli:0.9.1',
  'quay.io/prometheus/node-exporter:v1.8.2',
  'docker.io/library/busybox:1.36',
  `app:1.2@${EXAMPLE_DIGEST}`,
  `app@${EXAMPLE_DIGEST}`,
  `registry.example.com:5000/team/api:1.4@${EXAMPLE_DIGEST}`,
  `localhost:5000/app@${EXAMPLE_DIGEST}`,
];

/**
 * Rejects a first component with uppercase letters and no `.` or `:`, such as `MyReg/app`. The
 * parser reads it as a host because a Docker Hub namespace cannot contain uppercase letters, a
 * case the host rule in the explanation does not cover.
 */
function hostRuleApplies(reference: ImageReference): string | undefined {
  const first = firstComponent(reference);
  if (!reference.registryGiven || first === undefined || first === 'localhost' || /[.:]/.test(first)) return undefined;
  return 'an uppercase first component is read as a registry host; use a lowercase namespace or a host with "." or ":"';
}

const PARTS = ['registry', 'namespace', 'repository', 'tag', 'canonical'] as const;
type Part = (typeof PARTS)[number];

const FULL_FORM = '`[HOST[:PORT]/][NAMESPACE/]REPOSITORY[:TAG][@DIGEST]`';
const HOST_RULE =
  'The first path component is a registry host only if it contains `.` or `:` or is exactly `localhost`; otherwise the image is on Docker Hub (`docker.io`), and a one-part name gets the namespace `library`.';

interface PartQuestion {
  readonly question: string;
  readonly answer: string;
  readonly distractors: readonly string[];
  readonly explanation: string;
}

function firstComponent(reference: ImageReference): string | undefined {
  const slash = reference.text.indexOf('/');
  return slash >= 0 ? reference.text.slice(0, slash) : undefined;
}

/** Names the part of the host rule that makes a first path component a registry host. */
function hostReason(first: string): string {
  if (first === 'localhost') return 'is exactly `localhost`';
  const marks = ['.', ':'].filter((mark) => first.includes(mark)).map((mark) => `\`${mark}\``);
  return `contains ${marks.join(' and ')}`;
}

function registryQuestion(reference: ImageReference): PartQuestion {
  const first = firstComponent(reference);
  const explanation = reference.registryGiven
    ? `${code(first ?? '')} ${hostReason(first ?? '')}, so it names the registry host${reference.registry.includes(':') ? ', port included' : ''}.`
    : first === undefined
      ? `${code(reference.text)} names no registry, so it is on Docker Hub, \`docker.io\`.`
      : `${code(first)} has no \`.\` or \`:\` and is not \`localhost\`, so it is a Docker Hub namespace, not a registry: the image is on \`docker.io\`.`;
  return {
    question: `Which registry host does ${code(reference.text)} pull from? Give the host, with its port if it has one.`,
    answer: reference.registry,
    distractors: [DEFAULT_REGISTRY, 'localhost', first ?? 'library', reference.registry.replace(/:\d+$/, ''), 'hub.docker.com'],
    explanation,
  };
}

function namespaceQuestion(reference: ImageReference): PartQuestion {
  const answer = reference.namespace === '' ? NONE : reference.namespace;
  const explanation =
    reference.namespace === 'library' && !reference.text.includes('library/')
      ? `${code(reference.text)} is a one-part Docker Hub name, so it gets the namespace \`library\`.`
      : reference.namespace === ''
        ? `On ${code(reference.registry)} the path ${code(reference.path)} has one component, so there is no namespace. Only Docker Hub adds \`library/\`.`
        : `The path on ${code(reference.registry)} is ${code(reference.path)}: everything before the last component is the namespace.`;
  return {
    question: `What is the namespace of ${code(reference.text)}: the path between the registry host and the repository name? Answer \`${NONE}\` if there is none.`,
    answer,
    distractors: ['library', NONE, firstComponent(reference) ?? reference.repository, reference.registry, reference.path],
    explanation,
  };
}

function repositoryQuestion(reference: ImageReference): PartQuestion {
  let withSuffix = `${reference.repository}:latest`;
  if (reference.tag !== undefined) withSuffix = `${reference.repository}:${reference.tag}`;
  else if (reference.digest !== undefined) withSuffix = `${reference.repository}@${reference.digest}`;
  return {
    question: `What is the repository name of ${code(reference.text)}: the last path component, without tag or digest?`,
    answer: reference.repository,
    distractors: [reference.path, withSuffix, firstComponent(reference) ?? 'library', `library/${reference.repository}`],
    explanation: `The last component of the path ${code(reference.path)} is the repository; a tag or digest after it is not part of the name.`,
  };
}

const TAG_RULE =
  'The tag is the part after the `:` that follows the repository name. It ends at an `@`, after which comes the digest. A `:` in the registry host marks a port, not a tag.';

/**
 * Returns wrong tags that follow real misreadings. These are `latest` when another tag or only a
 * digest is given, `none` when the default `latest` applies, the registry port or host, and
 * everything after the first `:`. With a digest, the digest itself and the hex after its own `:`
 * are added.
 */
function tagDistractors(reference: ImageReference, port: string | undefined): string[] {
  const text = reference.text;
  const distractors = ['latest', NONE];
  if (text.includes(':')) distractors.push(text.slice(text.indexOf(':') + 1));
  if (port !== undefined) distractors.push(port);
  if (reference.registryGiven) distractors.push(reference.registry);
  if (reference.digest !== undefined) distractors.push(reference.digest, reference.digest.slice(reference.digest.indexOf(':') + 1));
  return distractors;
}

function tagQuestion(reference: ImageReference): PartQuestion {
  const tag = effectiveTag(reference);
  const port = /:(\d+)$/.exec(reference.registry)?.[1];
  const portNote = port ? ` The ${code(`:${port}`)} belongs to the registry host: a port is not a tag.` : '';
  let explanation: string;
  if (reference.tag !== undefined && reference.digest !== undefined) {
    explanation =
      `${TAG_RULE} So the tag is ${code(reference.tag)} and the digest is ${code(reference.digest)}. ` +
      `Kubernetes pulls such a reference by the digest only, so the tag is informational.${portNote}`;
  } else if (reference.tag !== undefined) {
    explanation = `${TAG_RULE} So the tag is ${code(reference.tag)}.${portNote}`;
  } else if (reference.digest !== undefined) {
    explanation = `${TAG_RULE} This reference has a digest, ${code(reference.digest)}, and no tag. The tag \`latest\` is used only when there is neither a tag nor a digest.${portNote}`;
  } else {
    explanation = `No tag and no digest means the tag \`latest\`.${portNote}`;
  }
  return {
    question: `Which tag does ${code(reference.text)} refer to once the defaults are filled in? Answer \`${NONE}\` only if the reference has a digest and no tag.`,
    answer: tag ?? NONE,
    distractors: tagDistractors(reference, port),
    explanation,
  };
}

/**
 * Returns wrong fully qualified forms that follow real misreadings. The namespace is dropped, or
 * `library/` is added outside Docker Hub. The default tag is left out, or added next to a digest,
 * or the tag is dropped next to a digest. The first component is taken for a registry, or the port
 * for a tag. Only valid references are returned, so no option is a mangled string.
 */
function canonicalDistractors(reference: ImageReference): string[] {
  const { registry, path, repository, tag, digest } = reference;
  const tagPart = tag === undefined ? '' : `:${tag}`;
  const digestPart = digest === undefined ? '' : `@${digest}`;
  const defaultTagPart = tagPart || (digest === undefined ? ':latest' : '');
  const distractors = [
    `${registry}/${repository}${defaultTagPart}${digestPart}`,
    `${registry}/${path}${tagPart}${digestPart}`,
    `${reference.text}${tag === undefined && digest === undefined ? ':latest' : ''}`,
  ];
  if (registry !== DEFAULT_REGISTRY) distractors.push(`${registry}/library/${repository}${defaultTagPart}${digestPart}`);
  const port = /:(\d+)$/.exec(registry)?.[1];
  if (port !== undefined && tag === undefined && digest === undefined) distractors.push(`${registry.slice(0, -port.length - 1)}/${path}:${port}`);
  if (digest !== undefined) distractors.push(tag === undefined ? `${registry}/${path}:latest${digestPart}` : `${registry}/${path}${digestPart}`);
  return distractors.filter(isValidImageReference);
}

function canonicalQuestion(reference: ImageReference): PartQuestion {
  return {
    question: `Write ${code(reference.text)} in fully qualified form: registry host, full path and tag (and the digest, if it has one).`,
    answer: canonicalReference(reference),
    distractors: canonicalDistractors(reference),
    explanation: `Fill in what the reference leaves out: the registry \`docker.io\` when there is no host, the namespace \`library\` for a one-part Docker Hub name, and the tag \`latest\` when there is neither tag nor digest.`,
  };
}

const PART_QUESTIONS: Record<Part, (reference: ImageReference) => PartQuestion> = {
  registry: registryQuestion,
  namespace: namespaceQuestion,
  repository: repositoryQuestion,
  tag: tagQuestion,
  canonical: canonicalQuestion,
};

const FORMS = ['typed', 'choice'] as const;

type PartsParameter = 'image' | 'part' | 'form';

export const imageRefParts: Template<PartsParameter> = {
  id: 'image-ref/parts',
  summary: 'The registry, namespace, repository, tag or fully qualified form of an image reference.',
  parameters: {
    image: parameter('An image reference to take apart.', imageReferenceItem('An image reference to take apart.', hostRuleApplies), PART_IMAGES),
    part: parameter('The part asked for.', choiceOf(PARTS, 'registry, namespace, repository, tag or canonical'), PARTS),
    form: parameter('typed or choice.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const parsed = parseImageReference(draw('image'));
    if (!parsed.ok) throw new RangeError(`Invalid image reached image-ref/parts: ${parsed.message}.`);
    const part = draw('part') as Part;
    const form = draw('form');
    const item = PART_QUESTIONS[part](parsed.reference);
    const explanation = `${item.explanation}\n\nFull form: ${FULL_FORM}. ${HOST_RULE}`;

    if (form === 'choice') {
      return { prompt: item.question, explanation, ...choiceQuestion(rng, code(item.answer), item.distractors.map(code)) };
    }
    return { prompt: item.question, explanation, ...exactAnswer(item.answer) };
  },
};

const VALIDITY_IMAGES: readonly string[] = [
  'MyApp:1.0',
  'myapp:1.0',
  'registry.example.com/Team/api:1',
  'registry.example.com/team/api:1',
  'nginx:1.27-alpine',
  'nginx:-beta',
  'nginx:.hidden',
  'app:v1.0_RC1',
  'app:1.0:2',
  'team/app:',
  'app@sha256:1234',
  `app@${EXAMPLE_DIGEST}`,
  `app:latest@${EXAMPLE_DIGEST}`,
  'localhost:5000/app',
  `app:${'v'.repeat(128)}`,
  `app:${'v'.repeat(129)}`,
];

const TAG_PATTERN = '`[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`';
const VALIDITY_RULE =
  `Repository path components must be lowercase. A tag must match ${TAG_PATTERN}: 1 to 128 letters of either case, digits, \`_\`, \`.\` and \`-\`, not starting with \`.\` or \`-\`. ` +
  'A digest is `algorithm:hex`, such as `sha256:` followed by 64 hex characters.';

/** Tags longer than this get their length in the prompt, because a reader cannot count them by eye. */
const COUNTABLE_TAG_LENGTH = 20;
const MAX_TAG_LENGTH = 128;

/** Returns the tag as typed: the text after the `:` that follows the last `/` and comes before any `@`. */
function typedTag(text: string): string | undefined {
  const name = text.split('@')[0]!;
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  return colon === -1 ? undefined : name.slice(colon + 1);
}

/**
 * Returns why a reference is invalid in terms of the three rules the template teaches. Returns
 * undefined when the verdict rests on another rule, such as a path separator, the length of the
 * whole name or an image ID, which the template does not explain.
 */
function taughtReason(text: string): string | undefined {
  const parsed = parseImageReference(text);
  if (parsed.ok) return undefined;
  if (parsed.code === 'uppercase') return 'its repository path has uppercase letters';
  if (parsed.code === 'invalid-tag') {
    const tag = typedTag(text) ?? '';
    if (tag === '') return 'the tag after `:` is empty';
    if (tag.length > MAX_TAG_LENGTH) return `the tag has ${tag.length} characters, more than the ${MAX_TAG_LENGTH} that ${TAG_PATTERN} allows`;
    return `the tag ${code(tag)} does not match ${TAG_PATTERN}`;
  }
  const digest = text.slice(text.indexOf('@') + 1);
  // Only a sha256 digest of the wrong length is decided by the taught rule; hex letter case and other algorithms are not taught.
  if (parsed.code === 'invalid-digest' && digest.startsWith('sha256:') && !/^sha256:[0-9a-fA-F]{64}$/.test(digest)) {
    return `the digest ${code(digest)} is not \`sha256:\` followed by 64 hex characters`;
  }
  return undefined;
}

/**
 * Rejects pool entries whose verdict the taught rules cannot decide. One kind is a reference that
 * is invalid for another reason. The other is an uppercase first component, which the parser
 * reads as a registry host although the taught rules make it a Docker Hub namespace.
 */
function decidableByTaughtRules(value: string): string | undefined {
  const parsed = parseImageReference(value);
  if (parsed.ok) return hostRuleApplies(parsed.reference);
  if (taughtReason(value) === undefined) return `its verdict rests on a rule the template does not teach: ${parsed.message}`;
  return undefined;
}

type ValidityParameter = 'image' | 'form';

export const imageRefValid: Template<ValidityParameter> = {
  id: 'image-ref/valid',
  summary: 'Whether a string is a valid image reference, and why not.',
  parameters: {
    image: parameter(
      'A string that may or may not be a valid image reference.',
      checkedString(
        'a string whose validity follows from the lowercase, tag and digest rules',
        { minLength: 1, description: 'A string that may or may not be a valid image reference.' },
        (value) => (value === '' ? 'empty' : decidableByTaughtRules(value)),
      ),
      VALIDITY_IMAGES,
    ),
    form: parameter('typed (valid or invalid) or choice.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const image = draw('image');
    const form = draw('form');
    const valid = isValidImageReference(image);
    const answer = valid ? 'valid' : 'invalid';
    const verdict = valid ? `${code(image)} is valid.` : `${code(image)} is invalid: ${taughtReason(image) ?? 'it breaks the reference grammar'}.`;
    const explanation = `${verdict}\n\n${VALIDITY_RULE}`;
    const tag = typedTag(image);
    const tagLength = tag !== undefined && tag.length > COUNTABLE_TAG_LENGTH ? ` Its tag, after the \`:\`, is ${tag.length} characters long.` : '';
    const prompt = `Is ${code(image)} a valid image reference?${tagLength}`;

    if (form === 'choice') {
      return { prompt, explanation, ...choiceQuestion(rng, valid ? 'Valid' : 'Invalid', ['Valid', 'Invalid']) };
    }
    return { prompt: `${prompt} Answer \`valid\` or \`invalid\`.`, explanation, expected: answer, checker: { kind: 'text', expected: [answer] } };
  },
};

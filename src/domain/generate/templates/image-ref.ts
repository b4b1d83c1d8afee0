/** Templates about the parts of an image reference and whether a reference is valid. */

import { choiceQuestion, exactAnswer } from '../answers';
import { DEFAULT_REGISTRY, canonicalReference, effectiveTag, parseImageReference } from '../image-reference';
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

function registryQuestion(reference: ImageReference): PartQuestion {
  const first = firstComponent(reference);
  const explanation = reference.registryGiven
    ? `${code(first ?? '')} contains \`.\` or \`:\` or is \`localhost\`, so it names the registry host${reference.registry.includes(':') ? ', port included' : ''}.`
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
  const withTag = reference.tag === undefined ? `${reference.repository}:latest` : `${reference.repository}:${reference.tag}`;
  return {
    question: `What is the repository name of ${code(reference.text)}: the last path component, without tag or digest?`,
    answer: reference.repository,
    distractors: [reference.path, withTag, firstComponent(reference) ?? 'library', `library/${reference.repository}`],
    explanation: `The last component of the path ${code(reference.path)} is the repository; a tag or digest after it is not part of the name.`,
  };
}

function tagQuestion(reference: ImageReference): PartQuestion {
  const tag = effectiveTag(reference);
  const port = /:(\d+)$/.exec(reference.registry)?.[1];
  let explanation: string;
  if (reference.tag !== undefined) explanation = `The tag is what follows the last \`:\` after the last \`/\`: ${code(reference.tag)}.`;
  else if (reference.digest !== undefined) explanation = 'The reference has a digest and no tag, so it pins the content by digest and has no tag.';
  else explanation = `No tag and no digest means the tag \`latest\`.${port ? ` The ${code(`:${port}`)} belongs to the registry host: a port is not a tag.` : ''}`;
  return {
    question: `Which tag does ${code(reference.text)} refer to? Answer \`${NONE}\` if it has none.`,
    answer: tag ?? NONE,
    distractors: ['latest', NONE, ...(port ? [port] : []), 'stable', reference.tag === undefined ? '1.0' : `v${reference.tag}`],
    explanation,
  };
}

function canonicalQuestion(reference: ImageReference): PartQuestion {
  const tagPart = reference.tag === undefined ? '' : `:${reference.tag}`;
  const digestPart = reference.digest === undefined ? '' : `@${reference.digest}`;
  const namespaceLess = `${reference.registry}/${reference.repository}${tagPart || (reference.digest ? '' : ':latest')}${digestPart}`;
  return {
    question: `Write ${code(reference.text)} in fully qualified form: registry host, full path and tag (and the digest, if it has one).`,
    answer: canonicalReference(reference),
    distractors: [namespaceLess, `${reference.registry}/${reference.path}${tagPart}${digestPart}`, `${DEFAULT_REGISTRY}/${reference.text}`, `${reference.text}:latest`],
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
  'my_app:1',
  'my__app:1',
  'my___app:1',
  'my-app--v2:1',
  'team/app:',
  'app@sha256:1234',
  `app:latest@${EXAMPLE_DIGEST}`,
  'localhost:5000/app',
  `app:${'v'.repeat(129)}`,
];

type ValidityParameter = 'image' | 'form';

export const imageRefValid: Template<ValidityParameter> = {
  id: 'image-ref/valid',
  summary: 'Whether a string is a valid image reference, and why not.',
  parameters: {
    image: parameter(
      'A string that may or may not be a valid image reference.',
      checkedString('a non-empty string', { minLength: 1, description: 'A string that may or may not be a valid image reference.' }, (value) =>
        value === '' ? 'empty' : undefined,
      ),
      VALIDITY_IMAGES,
    ),
    form: parameter('typed (valid or invalid) or choice.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const image = draw('image');
    const form = draw('form');
    const parsed = parseImageReference(image);
    const answer = parsed.ok ? 'valid' : 'invalid';
    const rule =
      'Repository path components must be lowercase letters and digits, separated by one `.`, one or two `_`, or any number of `-`. ' +
      'A tag has 1 to 128 characters from letters (either case), digits, `_`, `.` and `-`, and cannot start with `.` or `-`. A sha256 digest has 64 lowercase hex digits.';
    const explanation = `${parsed.ok ? `${code(image)} is valid.` : `${code(image)} is invalid: ${parsed.message}.`}\n\n${rule}`;
    const prompt = `Is ${code(image)} a valid image reference?`;

    if (form === 'choice') {
      return { prompt, explanation, ...choiceQuestion(rng, parsed.ok ? 'Valid' : 'Invalid', ['Valid', 'Invalid']) };
    }
    return { prompt: `${prompt} Answer \`valid\` or \`invalid\`.`, explanation, expected: answer, checker: { kind: 'text', expected: [answer] } };
  },
};

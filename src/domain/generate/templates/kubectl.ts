/** Templates about the container fields that `kubectl run` and `kubectl create ...` generate. */

import { choiceQuestion, exactAnswer, yamlAnswer } from '../answers';
import { formatArgv, parseJsonStringArray } from '../argv';
import { CREATE_WORKLOADS, deploymentContainerName, kubectlCreateLine, kubectlRunLine, resolveKubectlCreate, resolveKubectlRun } from '../kubectl-fields';
import type { CreateWorkload, GeneratedContainer } from '../kubectl-fields';
import { code, codeBlock } from '../markdown';
import { argvItem, choiceOf, imageReferenceItem, parameter, patternItem } from '../parameters';
import type { Rng } from '../rng';
import type { RenderedQuestion, Template } from '../template';
import { EXAMPLE_DIGEST } from './pools';

/** Kubernetes object names: lowercase DNS labels (RFC 1123). */
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const NAMES: readonly string[] = ['box', 'web', 'probe', 'sleeper', 'worker', 'report'];
const RUN_IMAGES: readonly string[] = ['busybox', 'busybox:1.36', 'alpine:3.20', 'nginx:1.27'];
const CREATE_IMAGES: readonly string[] = [
  'busybox:1.36',
  'registry.example.com/team/worker:2.1',
  'localhost:5000/batch/report-gen',
  'ghcr.io/acme/cleanup:v3',
  `registry.example.com:5000/tools/migrate@${EXAMPLE_DIGEST}`,
];
const WORDS: readonly string[] = [
  '["sleep", "3600"]',
  '["sh", "-c", "echo hello; sleep 3600"]',
  '["date"]',
  '["env"]',
  '["nslookup", "kubernetes.default"]',
  '["wget", "-qO-", "http://web"]',
];

function parseWords(text: string): string[] {
  const parsed = parseJsonStringArray(text);
  if (!parsed.ok) throw new RangeError(`Invalid words reached a kubectl template: ${parsed.message}.`);
  return parsed.value;
}

const FIELD_ALTERNATIVES = (field: string) => [`spec.containers[0].${field}`, `containers[0].${field}`, `.${field}`];

/** Renders the command/args part of a container as one line of YAML-like text. */
function fieldsText(container: { command?: readonly string[]; args?: readonly string[] }): string {
  const parts = [
    ...(container.command ? [`command: ${formatArgv(container.command)}`] : []),
    ...(container.args ? [`args: ${formatArgv(container.args)}`] : []),
  ];
  return parts.map(code).join(', ');
}

/** Options for "which fields": the right one, the other field, the whole line as one element, and a split. */
function fieldsChoice(rng: Rng, correct: GeneratedContainer, words: readonly string[]) {
  const joined = [words.join(' ')];
  const distractors = [
    fieldsText({ command: words }),
    fieldsText({ args: words }),
    fieldsText({ command: joined }),
    fieldsText({ args: joined }),
    ...(words.length > 1 ? [fieldsText({ command: words.slice(0, 1), args: words.slice(1) })] : []),
  ];
  return choiceQuestion(rng, fieldsText(correct), distractors);
}

const YAML_QUESTION =
  'Write the container field that holds the words after `--`, as YAML: its key and its list, such as `key: ["a", "b"]` or a block list.';

const RUN_FORMS = ['field', 'choice', 'yaml'] as const;

type RunParameter = 'name' | 'image' | 'commandFlag' | 'words' | 'form';

export const kubectlRunFields: Template<RunParameter> = {
  id: 'kubectl/run-fields',
  summary: 'Which container field (command or args) `kubectl run ... [--command] -- ...` fills, and with what.',
  parameters: {
    name: parameter('The Pod name.', patternItem(OBJECT_NAME, 'a lowercase object name such as "web"', 'The Pod name.'), NAMES),
    image: parameter('The image given with --image.', imageReferenceItem('The image given with --image.'), RUN_IMAGES),
    commandFlag: parameter('Whether the command line has --command ("yes" or "no").', choiceOf(['yes', 'no'], 'yes or no'), ['yes', 'no']),
    words: parameter('The words after `--`, as a JSON array.', argvItem('The words after `--`, as a JSON array.'), WORDS),
    form: parameter(
      'field (type command or args), choice (pick the generated fields) or yaml (write the field as YAML).',
      choiceOf(RUN_FORMS, 'field, choice or yaml'),
      RUN_FORMS,
    ),
  },
  render(draw, rng): RenderedQuestion {
    const input = { name: draw('name'), image: draw('image'), commandFlag: draw('commandFlag') === 'yes', words: parseWords(draw('words')) };
    const form = draw('form');
    const container = resolveKubectlRun(input);
    const field = input.commandFlag ? 'command' : 'args';
    const line = codeBlock('sh', [kubectlRunLine(input)]);
    const explanation =
      `\`kubectl run\` puts the words after \`--\` into the container's \`args\` field; with \`--command\` it puts them into \`command\`${input.commandFlag ? ', as here' : ''}. ` +
      'Each word becomes one list element. Pod `args` replace the image CMD and follow the image ENTRYPOINT, if it has one. ' +
      '`command` replaces the ENTRYPOINT, and without `args` the image CMD is then ignored too. ' +
      `The container is named after the Pod, ${code(input.name)}.`;

    if (form === 'choice') {
      return { prompt: `${line}\n\nWhich fields does this command set in the Pod's container?`, explanation, ...fieldsChoice(rng, container, input.words) };
    }
    if (form === 'yaml') {
      return { prompt: `${line}\n\n${YAML_QUESTION}`, explanation, ...yamlAnswer(`${field}: ${formatArgv(input.words)}`) };
    }
    const prompt = `${line}\n\nWhich field of the container holds the words ${code(formatArgv(input.words))}? Answer \`command\` or \`args\`.`;
    return { prompt, explanation, ...exactAnswer(field, FIELD_ALTERNATIVES(field)) };
  },
};

const CREATE_FORMS = ['field', 'container-name', 'choice', 'yaml'] as const;

/** Rejects images whose container name would get kubectl's random suffix, which no answer can predict. */
function predictableContainerName(reference: { text: string }): string | undefined {
  return deploymentContainerName(reference.text).randomNameSuffix
    ? 'the last path component contains "_" or ".", so `kubectl create deployment` adds a random suffix to the container name'
    : undefined;
}

type CreateParameter = 'workload' | 'name' | 'image' | 'words' | 'form';

export const kubectlCreateFields: Template<CreateParameter> = {
  id: 'kubectl/create-fields',
  summary: 'The command field that `kubectl create deployment|job|cronjob ... -- ...` generates, and the container name of a Deployment.',
  parameters: {
    workload: parameter('The object kind: deployment, job or cronjob.', choiceOf(CREATE_WORKLOADS, 'deployment, job or cronjob'), CREATE_WORKLOADS),
    name: parameter('The object name.', patternItem(OBJECT_NAME, 'a lowercase object name such as "web"', 'The object name.'), NAMES),
    image: parameter('The image given with --image.', imageReferenceItem('The image given with --image.', predictableContainerName), CREATE_IMAGES),
    words: parameter('The words after `--`, as a JSON array.', argvItem('The words after `--`, as a JSON array.'), WORDS),
    form: parameter(
      'field, container-name (for a deployment, while a job or cronjob gets the field form), choice or yaml.',
      choiceOf(CREATE_FORMS, 'field, container-name, choice or yaml'),
      CREATE_FORMS,
    ),
  },
  render(draw, rng): RenderedQuestion {
    const input = { workload: draw('workload') as CreateWorkload, name: draw('name'), image: draw('image'), words: parseWords(draw('words')) };
    const drawnForm = draw('form');
    const container = resolveKubectlCreate(input);
    // Only a Deployment's container name has a sourced rule, so a job or cronjob gets the field question instead.
    const form = drawnForm === 'container-name' && container.name === undefined ? 'field' : drawnForm;
    const line = codeBlock('sh', [kubectlCreateLine(input)]);
    const naming =
      container.name === undefined
        ? ''
        : ` \`kubectl create deployment\` names the container after the image: the last path component of ${code(input.image)} without tag or digest, ${code(container.name)}.`;
    const explanation =
      `\`kubectl create ${input.workload}\` has no \`--command\` flag: every word after \`--\` goes into the container's \`command\` field, one word per element. ` +
      `With only \`command\` set, the image ENTRYPOINT and CMD are both ignored.${naming}`;

    if (form === 'container-name' && container.name !== undefined) {
      const prompt = `${line}\n\nWhat is the name of the container in the generated Pod template?`;
      return { prompt, explanation, ...exactAnswer(container.name) };
    }
    if (form === 'choice') {
      return { prompt: `${line}\n\nWhich fields does this command set in the container?`, explanation, ...fieldsChoice(rng, container, input.words) };
    }
    if (form === 'yaml') {
      return { prompt: `${line}\n\n${YAML_QUESTION}`, explanation, ...yamlAnswer(`command: ${formatArgv(input.words)}`) };
    }
    const prompt = `${line}\n\nWhich field of the container holds the words ${code(formatArgv(input.words))}? Answer \`command\` or \`args\`.`;
    return { prompt, explanation, ...exactAnswer('command', FIELD_ALTERNATIVES('command')) };
  },
};

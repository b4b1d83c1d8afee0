/** "What runs?" templates: the argv from Dockerfile ENTRYPOINT/CMD, alone or with Pod command/args. */

import { argvAnswer, choiceQuestion } from '../answers';
import { DEFAULT_SHELL, formatArgv, inheritImageConfig, parseDockerfileCommand, parseJsonStringArray, resolveArgv, storedArgv } from '../argv';
import type { DockerfileCommand, PodCase } from '../argv';
import { code, codeBlock } from '../markdown';
import { argvItem, checkedString, choiceOf, dockerfileArgumentItem, parameter } from '../parameters';
import type { Rng } from '../rng';
import type { RenderedQuestion, Template } from '../template';

const ENTRYPOINTS: readonly string[] = ['', '["/ep-1"]', '["/docker-entrypoint.sh"]', '["/usr/bin/tini", "--"]', '["redis-server"]', 'java -jar /app.jar', '/start.sh'];
const CMDS: readonly string[] = [
  '',
  '["foo", "bar"]',
  '["nginx", "-g", "daemon off;"]',
  '["python", "app.py"]',
  'python app.py',
  '["--port", "8080"]',
  '["sh"]',
  "['node', 'server.js']",
  'echo $HOME',
];
const COMMANDS: readonly string[] = ['["/ep-2"]', '["sleep", "3600"]', '["/bin/sh", "-c"]', '["python", "-m", "http.server"]', '["redis-server", "--appendonly", "yes"]'];
const ARGS: readonly string[] = ['["zoo", "boo"]', '["--port", "9090"]', '["echo hello; sleep 3600"]', '["sleep", "3600"]', '["-c", "date"]'];

const POD_IMAGE = 'registry.example.com/team/app:1.0';
const NOTHING_OPTION = 'Nothing: the container cannot be created ("no command specified").';
const ANSWER_FORMAT = 'Answer with the argv as a JSON array, such as `["sh", "-c", "echo hi"]`, or `none` if nothing can run.';
/**
 * Asks for the mechanical argv in every variant. A shell-form ENTRYPOINT runs `/bin/sh -c "…"`
 * whatever follows it, yet the words after it are still in the argv, so without this sentence
 * both readings would be right. It is in every prompt so that it does not give the case away.
 */
const FULL_ARGV = 'Count every string the process receives, including any that a shell ignores.';

function parseInstruction(text: string): DockerfileCommand | undefined {
  if (text === '') return undefined;
  const parsed = parseDockerfileCommand(text);
  if (!parsed.ok) throw new RangeError(`Invalid Dockerfile argument reached an argv template: ${parsed.message}.`);
  return parsed.command;
}

function parseList(text: string): string[] {
  const parsed = parseJsonStringArray(text);
  if (!parsed.ok) throw new RangeError(`Invalid argv reached an argv template: ${parsed.message}.`);
  return parsed.value;
}

function dockerfileLines(entrypoint: string, cmd: string): string[] {
  const lines = [...(entrypoint === '' ? [] : [`ENTRYPOINT ${entrypoint}`]), ...(cmd === '' ? [] : [`CMD ${cmd}`])];
  return lines.length > 0 ? lines : ['# no ENTRYPOINT and no CMD'];
}

/**
 * Says how one instruction is stored, and why when its form is easy to mistake. `runsAlone` is
 * true when the instruction is the whole command, so a broken shell-form line would fail at runtime.
 */
function describeForm(keyword: 'ENTRYPOINT' | 'CMD', command: DockerfileCommand, runsAlone: boolean): string {
  if (command.form === 'exec') return `${keyword} is in exec form (a JSON array), so its strings are used as written, without a shell.`;
  const stored = code(formatArgv(storedArgv(command)));
  let notJson = '';
  if (command.text.startsWith('[')) {
    notJson = ` ${code(command.text)} is not valid JSON, because JSON strings need double quotes, so Docker treats it as shell form.`;
    if (runsAlone) notJson += ' The shell then fails to run it.';
  }
  return `${keyword} is in shell form, so it is stored as ${stored}.${notJson}`;
}

/** Explains how the image's ENTRYPOINT and CMD combine when the container overrides neither. */
function explainImageDefault(entrypoint: DockerfileCommand | undefined, cmd: DockerfileCommand | undefined): string {
  if (!entrypoint && !cmd) return 'With neither ENTRYPOINT nor CMD there is nothing to run, so the container cannot be created ("no command specified").';
  if (!entrypoint) return 'Without an ENTRYPOINT, CMD is the whole command.';
  if (!cmd) return 'Without a CMD, the ENTRYPOINT runs alone.';
  if (entrypoint.form === 'exec') return 'CMD supplies the default arguments of an exec-form ENTRYPOINT: its words are appended to it.';
  return (
    'A shell-form ENTRYPOINT runs as `/bin/sh -c "…"` whatever CMD says. The CMD words are still appended after the command string, ' +
    'where the shell receives them as `$0`, `$1`…, which the command string does not use.'
  );
}

function formNotes(entrypoint: DockerfileCommand | undefined, cmd: DockerfileCommand | undefined): string[] {
  const notes: string[] = [];
  if (entrypoint) notes.push(describeForm('ENTRYPOINT', entrypoint, true));
  if (cmd) notes.push(describeForm('CMD', cmd, entrypoint === undefined));
  return notes;
}

const option = (argv: readonly string[] | undefined): string => (argv === undefined ? NOTHING_OPTION : code(formatArgv(argv)));
const orNothing = (argv: readonly string[]): readonly string[] | undefined => (argv.length === 0 ? undefined : argv);

/** The words of an instruction as a learner who ignores the shell wrapper would split them. */
function naiveWords(command: DockerfileCommand | undefined): string[] {
  if (!command) return [];
  return command.form === 'exec' ? [...command.argv] : command.text.split(/\s+/);
}

/** Returns the argv that a learner who reads single-quoted `['a', 'b']` as exec form expects. */
function singleQuotedWords(command: DockerfileCommand | undefined): string[] {
  if (command?.form !== 'shell' || !command.text.startsWith('[')) return naiveWords(command);
  try {
    const value: unknown = JSON.parse(command.text.replace(/'/g, '"'));
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : naiveWords(command);
  } catch {
    return naiveWords(command);
  }
}

/** Wrong answers that follow common misreadings of the image rules. */
function imageDistractors(entrypoint: DockerfileCommand | undefined, cmd: DockerfileCommand | undefined): (readonly string[] | undefined)[] {
  const entrypointArgv = entrypoint ? storedArgv(entrypoint) : [];
  const cmdArgv = cmd ? storedArgv(cmd) : [];
  const distractors: (readonly string[] | undefined)[] = [
    orNothing([...singleQuotedWords(entrypoint), ...singleQuotedWords(cmd)]),
    orNothing([...naiveWords(entrypoint), ...naiveWords(cmd)]),
    orNothing(cmdArgv),
    orNothing(entrypointArgv),
    orNothing([...cmdArgv, ...entrypointArgv]),
    undefined,
  ];
  if (entrypoint?.form === 'shell' && cmd) distractors.push([...DEFAULT_SHELL, `${entrypoint.text} ${naiveWords(cmd).join(' ')}`]);
  return distractors;
}

/** Wrong answers for "nothing runs", where every misreading also yields nothing. */
const NOTHING_DISTRACTORS: readonly (readonly string[])[] = [['/bin/sh'], ['/bin/sh', '-c'], ['sh']];

/** Wrong answers that add or drop the shell wrapper around the right argv. */
function shellDistractors(argv: readonly string[]): (readonly string[])[] {
  const wrapped = argv[0] === DEFAULT_SHELL[0] && argv[1] === DEFAULT_SHELL[1];
  return wrapped ? [argv.slice(2).join(' ').split(/\s+/)] : [[...DEFAULT_SHELL, argv.join(' ')]];
}

/**
 * Returns the stored shell-form ENTRYPOINT when words follow it in the argv. The Dockerfile
 * reference table gives its bare `/bin/sh -c "…"` as what runs, so it must not be a wrong option.
 */
function ignoredWordsPrefix(entrypoint: DockerfileCommand | undefined, usesEntrypoint: boolean, argv: readonly string[] | undefined): readonly string[] | undefined {
  if (!usesEntrypoint || entrypoint?.form !== 'shell' || argv === undefined) return undefined;
  const stored = storedArgv(entrypoint);
  return argv.length > stored.length ? stored : undefined;
}

/**
 * Builds the answer; `distractors` is called only for the choice form. `notWrong` is an argv that
 * a reader could defend as right, such as a shell-form ENTRYPOINT without the words it ignores,
 * so it is never offered as a wrong option.
 */
function argvQuestion(
  rng: Rng,
  form: string,
  argv: readonly string[] | undefined,
  distractors: () => (readonly string[] | undefined)[],
  notWrong?: readonly string[],
) {
  if (form !== 'choice') return argvAnswer(argv);
  const wrong = argv === undefined ? [...distractors(), ...NOTHING_DISTRACTORS] : [...distractors(), ...shellDistractors(argv)];
  const excluded = notWrong === undefined ? undefined : option(notWrong);
  return choiceQuestion(rng, option(argv), wrong.map(option).filter((text) => text !== excluded));
}

const FORMS = ['typed', 'choice'] as const;

/** The ENTRYPOINT and CMD of a base image, parsed from lines such as `CMD ["sh"]`. */
interface BaseImage {
  readonly lines: readonly string[];
  readonly entrypoint?: DockerfileCommand;
  readonly cmd?: DockerfileCommand;
}

function parseBaseImage(text: string): { ok: true; base: BaseImage } | { ok: false; message: string } {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const base: { lines: string[]; entrypoint?: DockerfileCommand; cmd?: DockerfileCommand } = { lines };
  for (const line of lines) {
    const match = /^(ENTRYPOINT|CMD)\s+(.+)$/i.exec(line);
    if (!match) return { ok: false, message: `the line ${JSON.stringify(line)} is not ENTRYPOINT or CMD followed by its argument` };
    const keyword = match[1]!.toUpperCase() === 'CMD' ? 'cmd' : 'entrypoint';
    if (base[keyword]) return { ok: false, message: `${keyword.toUpperCase()} appears twice` };
    const parsed = parseDockerfileCommand(match[2]!);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    base[keyword] = parsed.command;
  }
  return { ok: true, base };
}

const baseImageItem = checkedString(
  'ENTRYPOINT and CMD lines of a base image, or ""',
  { description: 'The base image\'s ENTRYPOINT and CMD as Dockerfile lines separated by a new line, or "" when it sets neither.' },
  (value) => {
    const parsed = parseBaseImage(value);
    return parsed.ok ? undefined : parsed.message;
  },
);

// "" is listed twice so that half the variants use a base image without ENTRYPOINT or CMD.
const BASES: readonly string[] = ['', '', 'CMD ["sh"]', 'ENTRYPOINT ["/base-entrypoint.sh"]\nCMD ["serve", "--port", "80"]'];

/** Says what the image keeps from its base image. */
function explainInheritance(base: BaseImage, own: { entrypoint?: DockerfileCommand | undefined; cmd?: DockerfileCommand | undefined }): string {
  if (!base.entrypoint && !base.cmd) return '';
  if (own.entrypoint && base.cmd && !own.cmd) {
    return 'Setting ENTRYPOINT in a Dockerfile resets the CMD inherited from the base image, so the base CMD is dropped.';
  }
  if (!own.entrypoint && base.entrypoint && own.cmd) {
    return "Setting only CMD keeps the base image's ENTRYPOINT, which receives the new CMD as its arguments.";
  }
  if (!own.entrypoint && !own.cmd) return "The Dockerfile sets neither, so the image keeps the base image's ENTRYPOINT and CMD.";
  return 'The lines of this Dockerfile replace what the base image set.';
}

type DockerfileParameter = 'base' | 'entrypoint' | 'cmd' | 'form';

export const argvDockerfile: Template<DockerfileParameter> = {
  id: 'argv/dockerfile',
  summary: 'The argv a container runs from the Dockerfile ENTRYPOINT and CMD, in exec or shell form, including what a base image passes on.',
  parameters: {
    base: parameter('The base image\'s ENTRYPOINT and CMD lines, or "" when it sets neither.', baseImageItem, BASES),
    entrypoint: parameter('The text after ENTRYPOINT, or "" for none.', dockerfileArgumentItem('ENTRYPOINT'), ENTRYPOINTS),
    cmd: parameter('The text after CMD, or "" for none.', dockerfileArgumentItem('CMD'), CMDS),
    form: parameter('typed (a JSON array) or choice.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const parsedBase = parseBaseImage(draw('base'));
    if (!parsedBase.ok) throw new RangeError(`Invalid base image reached argv/dockerfile: ${parsedBase.message}.`);
    const base = parsedBase.base;
    const entrypointText = draw('entrypoint');
    const cmdText = draw('cmd');
    const form = draw('form');
    const own = { entrypoint: parseInstruction(entrypointText), cmd: parseInstruction(cmdText) };
    const { entrypoint, cmd } = inheritImageConfig(base, own);
    const { argv, usesEntrypoint } = resolveArgv({ entrypoint: entrypoint && storedArgv(entrypoint), cmd: cmd && storedArgv(cmd) });

    const baseText =
      base.lines.length === 0
        ? 'its base image sets no ENTRYPOINT or CMD.'
        : `its base image was built with these lines:\n\n${codeBlock('dockerfile', base.lines)}`;
    const prompt =
      `An image is built from a Dockerfile that ends with these lines:\n\n${codeBlock('dockerfile', dockerfileLines(entrypointText, cmdText))}\n\n` +
      `and ${baseText}\n\n` +
      `A container starts from it with no command or arguments of its own (\`docker run IMAGE\`, or a Pod without \`command\` and \`args\`). ` +
      `Which argv does it run? ${FULL_ARGV}${form === 'choice' ? '' : ` ${ANSWER_FORMAT}`}`;
    const explanation = [explainInheritance(base, own), ...formNotes(entrypoint, cmd), explainImageDefault(entrypoint, cmd)]
      .filter((sentence) => sentence !== '')
      .join(' ');

    const distractors = () => {
      const wrong = [...imageDistractors(entrypoint, cmd), ...imageDistractors(own.entrypoint, own.cmd)];
      const cmdIfNotReset = own.cmd ?? base.cmd;
      if (base.entrypoint || base.cmd) {
        wrong.push(resolveArgv({ entrypoint: entrypoint && storedArgv(entrypoint), cmd: cmdIfNotReset && storedArgv(cmdIfNotReset) }).argv);
      }
      return wrong;
    };
    return { prompt, explanation, ...argvQuestion(rng, form, argv, distractors, ignoredWordsPrefix(entrypoint, usesEntrypoint, argv)) };
  },
};

const POD_CASES = ['neither', 'command', 'args', 'both'] as const satisfies readonly PodCase[];

const CASE_RULES: Record<Exclude<PodCase, 'args'>, string> = {
  neither: 'Neither `command` nor `args` is set, so the image ENTRYPOINT and CMD run as built.',
  command: 'Only `command` is set: it runs alone, and the image ENTRYPOINT and CMD are both ignored.',
  both: '`command` and `args` are both set, so they run together and the image ENTRYPOINT and CMD are ignored.',
};

/** States the args-only rule for the image at hand, since it depends on whether and how the image sets ENTRYPOINT. */
function explainArgsOnly(entrypoint: DockerfileCommand | undefined): string {
  if (!entrypoint) {
    return 'Only `args` is set, and the image has no ENTRYPOINT, so the args take the place of the image CMD and are the whole command line, with args[0] as the executable.';
  }
  if (entrypoint.form === 'shell') {
    return (
      'Only `args` is set, so the image ENTRYPOINT runs with the args in place of the image CMD. That ENTRYPOINT is in shell form, ' +
      'so the args become `$0`, `$1`… of its `/bin/sh -c` and have no visible effect.'
    );
  }
  return 'Only `args` is set, so the image ENTRYPOINT runs with the Pod args in place of the image CMD.';
}

type PodParameter = 'entrypoint' | 'cmd' | 'fields' | 'command' | 'args' | 'form';

export const argvPod: Template<PodParameter> = {
  id: 'argv/pod',
  summary: 'The argv a container runs from the image ENTRYPOINT/CMD and the Pod command/args (the four cases).',
  parameters: {
    entrypoint: parameter('The image Dockerfile text after ENTRYPOINT, or "" for none.', dockerfileArgumentItem('ENTRYPOINT'), ENTRYPOINTS),
    cmd: parameter('The image Dockerfile text after CMD, or "" for none.', dockerfileArgumentItem('CMD'), CMDS),
    fields: parameter('Which Pod fields are set: neither, command, args or both.', choiceOf(POD_CASES, 'neither, command, args or both'), POD_CASES),
    command: parameter('A Pod `command` as a JSON array, used when the fields include command.', argvItem('A Pod `command` as a JSON array.'), COMMANDS),
    args: parameter('A Pod `args` as a JSON array, used when the fields include args.', argvItem('A Pod `args` as a JSON array.'), ARGS),
    form: parameter('typed (a JSON array) or choice.', choiceOf(FORMS, 'typed or choice'), FORMS),
  },
  render(draw, rng): RenderedQuestion {
    const entrypointText = draw('entrypoint');
    const cmdText = draw('cmd');
    const fields = draw('fields') as PodCase;
    const command = fields === 'command' || fields === 'both' ? parseList(draw('command')) : undefined;
    const args = fields === 'args' || fields === 'both' ? parseList(draw('args')) : undefined;
    const form = draw('form');

    const entrypoint = parseInstruction(entrypointText);
    const cmd = parseInstruction(cmdText);
    const image = { entrypoint: entrypoint && storedArgv(entrypoint), cmd: cmd && storedArgv(cmd) };
    const { argv, usesEntrypoint } = resolveArgv({ ...image, command, args });

    const manifest = [
      'containers:',
      '- name: app',
      `  image: ${POD_IMAGE}`,
      ...(command ? [`  command: ${formatArgv(command)}`] : []),
      ...(args ? [`  args: ${formatArgv(args)}`] : []),
    ];
    const prompt =
      `The image ${code(POD_IMAGE)} was built from a Dockerfile that ends with these lines (its base image sets no ENTRYPOINT or CMD):\n\n` +
      `${codeBlock('dockerfile', dockerfileLines(entrypointText, cmdText))}\n\nA Pod runs it like this:\n\n${codeBlock('yaml', manifest)}\n\n` +
      `Which argv does the container run? ${FULL_ARGV}${form === 'choice' ? '' : ` ${ANSWER_FORMAT}`}`;

    let caseRule: string;
    let notes: string[] = [];
    let detail = '';
    if (fields === 'args') {
      caseRule = explainArgsOnly(entrypoint);
      notes = formNotes(entrypoint, undefined);
    } else {
      caseRule = CASE_RULES[fields];
    }
    if (fields === 'neither') {
      notes = formNotes(entrypoint, cmd);
      detail = explainImageDefault(entrypoint, cmd);
    }
    const nothing = argv === undefined && fields !== 'neither' ? 'Nothing is left to run, so the container cannot be created ("no command specified").' : '';
    const references = [...(command ?? []), ...(args ?? [])].some((word) => word.includes('$'))
      ? 'Kubernetes expands `$(NAME)` in `command` and `args` from the container\'s environment and turns `$$` into `$`; an undefined `$(NAME)` stays as written, and `$NAME` is never expanded.'
      : '';
    const explanation = ['Pod `command` replaces the image ENTRYPOINT and Pod `args` replaces the image CMD.', caseRule, ...notes, detail, nothing, references]
      .filter((sentence) => sentence !== '')
      .join(' ');

    const entrypointArgv = image.entrypoint ?? [];
    const cmdArgv = image.cmd ?? [];
    const distractors = () => [
      ...(fields === 'neither' ? imageDistractors(entrypoint, cmd) : []),
      resolveArgv(image).argv,
      orNothing([...entrypointArgv, ...cmdArgv, ...(args ?? [])]),
      orNothing([...(command ?? entrypointArgv), ...cmdArgv]),
      orNothing(args ?? []),
      orNothing(command ?? []),
      orNothing([...entrypointArgv, ...(command ?? []), ...(args ?? [])]),
      undefined,
    ];
    return { prompt, explanation, ...argvQuestion(rng, form, argv, distractors, ignoredWordsPrefix(entrypoint, usesEntrypoint, argv)) };
  },
};

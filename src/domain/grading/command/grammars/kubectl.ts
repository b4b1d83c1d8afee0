/**
 * The kubectl grammar (kubernetes/kubectl after v1.36): the subcommands CKAD answers use, their
 * flags, and the persistent flags (`-n`, `--context`, ...) that may appear anywhere, even
 * before the subcommand.
 */
import type { FacetSink, FlagSpec, ParsedArguments, SubcommandSpec, ToolSpec } from '../spec';
import { bool, list, optionalValue, repeated, value, values } from './flags';
import { interpretExec, interpretLabel, interpretLogs, interpretResourceCommand, interpretSetImage } from './kubectl-resources';

const dryRun = optionalValue('dry-run', 'client', ['none', 'client', 'server'], {
  defaultValue: 'none',
  bareDeprecation: '`--dry-run` without a value is deprecated and read as `--dry-run=client`; write `--dry-run=client`.',
});

const printFlags: FlagSpec[] = [
  value('output', 'o'),
  value('template'),
  bool('allow-missing-template-keys', undefined, { defaultValue: 'true' }),
  bool('show-managed-fields'),
];

const validate = optionalValue('validate', 'strict', ['strict', 'warn', 'ignore', 'true', 'false'], { defaultValue: 'strict' });
const fileFlags: FlagSpec[] = [list('filename', 'f', { kind: 'path' }), value('kustomize', 'k', { kind: 'path' }), bool('recursive', 'R')];
const mutateFlags: FlagSpec[] = [dryRun, ...printFlags, value('field-manager')];
const createFlags: FlagSpec[] = [...mutateFlags, bool('save-config'), validate];
const selector = value('selector', 'l', { kind: 'map' });

function commandName(parsed: ParsedArguments): string {
  return `kubectl ${parsed.subcommand.path.join(' ')}`;
}

/**
 * `kubectl run NAME --image=I [-- ARG...]`: the words after NAME go to the container's `args`,
 * or to `command` with `--command`. Without `--`, pflag still reads any word that starts with
 * `-` as a kubectl flag.
 */
function interpretRun(parsed: ParsedArguments, sink: FacetSink): void {
  const [name, ...rest] = parsed.positionals;
  if (name === undefined) {
    sink.error({ code: 'missing-argument', message: '`kubectl run` needs a Pod NAME before `--`.' });
    return;
  }
  sink.set({ key: 'name', label: 'the Pod name', values: [name], kind: 'text', ordered: true });
  const argv = [...rest, ...(parsed.afterDash ?? [])];
  const field = sink.get('--command') ? 'command' : 'args';
  sink.remove('--command');
  if (argv.length === 0) return;
  sink.set({ key: 'argv', label: `the container's ${field}`, values: argv, kind: 'text', ordered: true });
  sink.set({ key: 'argv-field', label: 'the container field that receives the words', values: [field], kind: 'text', ordered: true });
}

/**
 * `kubectl create deployment|job|cronjob NAME --image=I [-- COMMAND...]`: exactly one NAME
 * before `--`, and the words after `--` always fill the container's `command`.
 */
function interpretCreateWorkload(parsed: ParsedArguments, sink: FacetSink): void {
  const [name, ...extra] = parsed.positionals;
  if (name === undefined) {
    sink.error({ code: 'missing-argument', message: `\`${commandName(parsed)}\` needs exactly one NAME.` });
    return;
  }
  if (extra.length > 0 && !sink.hasError('missing-double-dash')) {
    sink.error({
      code: 'missing-double-dash',
      actual: extra.join(' '),
      message: `\`${commandName(parsed)}\` takes exactly one NAME; the container command must follow \`--\`.`,
    });
  }
  sink.set({ key: 'name', label: 'the object name', values: [name], kind: 'text', ordered: true });
  const argv = [...extra, ...(parsed.afterDash ?? [])];
  if (argv.length > 0) {
    sink.set({ key: 'argv', label: "the container's command", values: argv, kind: 'text', ordered: true });
    sink.set({ key: 'argv-field', label: 'the container field that receives the words', values: ['command'], kind: 'text', ordered: true });
  }
}

/** `kubectl create secret|configmap|namespace|serviceaccount NAME`: exactly one NAME and nothing after `--`. */
function interpretCreateNamed(parsed: ParsedArguments, sink: FacetSink): void {
  const words = [...parsed.positionals, ...(parsed.afterDash ?? [])];
  if (words.length !== 1) {
    sink.error({
      code: words.length === 0 ? 'missing-argument' : 'too-many-arguments',
      actual: words.join(' ') || undefined,
      message: `\`${commandName(parsed)}\` takes exactly one NAME${words.length > 1 ? `, but got ${words.length} words: ${words.map((word) => `\`${word}\``).join(', ')}` : ''}.`,
    });
  }
  if (words[0] !== undefined) sink.set({ key: 'name', label: 'the object name', values: [words[0]], kind: 'text', ordered: true });
}

const runFlags: FlagSpec[] = [
  value('image', undefined, { kind: 'image' }),
  value('port'),
  repeated('env'),
  value('labels', 'l', { kind: 'map' }),
  repeated('annotations'),
  value('restart', undefined, { values: ['Always', 'OnFailure', 'Never'], defaultValue: 'Always' }),
  value('image-pull-policy', undefined, { values: ['Always', 'IfNotPresent', 'Never'] }),
  bool('stdin', 'i'),
  bool('tty', 't'),
  bool('rm'),
  bool('expose'),
  bool('command'),
  bool('attach'),
  bool('privileged'),
  bool('leave-stdin-open'),
  bool('quiet', 'q'),
  value('overrides', undefined, { kind: 'json' }),
  value('pod-running-timeout'),
  optionalValue('cascade', 'background', ['background', 'orphan', 'foreground', 'true', 'false'], { defaultValue: 'background' }),
  ...fileFlags,
  bool('force'),
  value('grace-period', undefined, { defaultValue: '-1' }),
  value('timeout'),
  bool('wait'),
  ...createFlags,
];

const subcommands: SubcommandSpec[] = [
  { path: ['run'], flags: runFlags, interspersed: true, containerCommandAfter: 1, interpret: interpretRun },
  {
    path: ['create', 'deployment'],
    aliases: [['create', 'deploy']],
    flags: [list('image', undefined, { kind: 'image', ordered: true }), value('port'), value('replicas', 'r', { defaultValue: '1' }), ...createFlags],
    interspersed: true,
    containerCommandAfter: 1,
    interpret: interpretCreateWorkload,
  },
  {
    path: ['create', 'job'],
    flags: [value('image', undefined, { kind: 'image' }), value('from'), ...createFlags],
    interspersed: true,
    containerCommandAfter: 1,
    interpret: interpretCreateWorkload,
  },
  {
    path: ['create', 'cronjob'],
    aliases: [['create', 'cj']],
    flags: [value('image', undefined, { kind: 'image' }), value('schedule'), value('restart', undefined, { values: ['OnFailure', 'Never'] }), ...createFlags],
    interspersed: true,
    containerCommandAfter: 1,
    interpret: interpretCreateWorkload,
  },
  {
    path: ['create', 'secret', 'docker-registry'],
    flags: [
      value('docker-server', undefined, { defaultValue: 'https://index.docker.io/v1/' }),
      value('docker-username'),
      value('docker-password'),
      value('docker-email'),
      list('from-file', undefined, { kind: 'path' }),
      bool('append-hash'),
      ...createFlags,
    ],
    interspersed: true,
    interpret: interpretCreateNamed,
  },
  {
    path: ['create', 'secret', 'generic'],
    flags: [repeated('from-literal'), list('from-file'), repeated('from-env-file', undefined, { kind: 'path' }), value('type'), bool('append-hash'), ...createFlags],
    interspersed: true,
    interpret: interpretCreateNamed,
  },
  {
    path: ['create', 'secret', 'tls'],
    flags: [value('cert', undefined, { kind: 'path' }), value('key', undefined, { kind: 'path' }), bool('append-hash'), ...createFlags],
    interspersed: true,
    interpret: interpretCreateNamed,
  },
  {
    path: ['create', 'configmap'],
    aliases: [['create', 'cm']],
    flags: [repeated('from-literal'), list('from-file'), repeated('from-env-file', undefined, { kind: 'path' }), bool('append-hash'), ...createFlags],
    interspersed: true,
    interpret: interpretCreateNamed,
  },
  { path: ['create', 'namespace'], aliases: [['create', 'ns']], flags: createFlags, interspersed: true, interpret: interpretCreateNamed },
  { path: ['create', 'serviceaccount'], aliases: [['create', 'sa']], flags: createFlags, interspersed: true, interpret: interpretCreateNamed },
  { path: ['create'], flags: [...fileFlags, bool('edit'), bool('windows-line-endings'), selector, value('raw'), ...createFlags], interspersed: true, interpret: interpretResourceCommand },
  {
    path: ['patch'],
    flags: [value('patch', 'p', { kind: 'json' }), value('patch-file', undefined, { kind: 'path' }), value('type', undefined, { values: ['json', 'merge', 'strategic'], defaultValue: 'strategic' }), bool('local'), value('subresource'), ...fileFlags, ...mutateFlags],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['set', 'image'],
    flags: [bool('all'), bool('local'), selector, ...fileFlags, ...mutateFlags],
    interspersed: true,
    interpret: interpretSetImage,
  },
  {
    path: ['get'],
    flags: [
      ...printFlags,
      selector,
      bool('all-namespaces', 'A'),
      bool('watch', 'w'),
      bool('watch-only'),
      bool('show-labels'),
      bool('show-kind'),
      bool('no-headers'),
      bool('ignore-not-found'),
      bool('output-watch-events'),
      bool('server-print', undefined, { defaultValue: 'true' }),
      value('field-selector'),
      list('label-columns', 'L'),
      value('sort-by'),
      value('chunk-size', undefined, { defaultValue: '500' }),
      value('raw'),
      value('subresource'),
      ...fileFlags,
    ],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['describe'],
    flags: [selector, bool('all-namespaces', 'A'), bool('show-events', undefined, { defaultValue: 'true' }), value('chunk-size', undefined, { defaultValue: '500' }), ...fileFlags],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['logs'],
    flags: [
      bool('follow', 'f'),
      value('container', 'c'),
      bool('previous', 'p'),
      value('tail', undefined, { defaultValue: '-1' }),
      value('since'),
      value('since-time'),
      bool('timestamps'),
      bool('all-containers'),
      bool('all-pods'),
      bool('prefix'),
      bool('ignore-errors'),
      bool('insecure-skip-tls-verify-backend'),
      selector,
      value('limit-bytes'),
      value('max-log-requests'),
      value('pod-running-timeout'),
    ],
    interspersed: true,
    interpret: interpretLogs,
  },
  {
    path: ['delete'],
    flags: [
      ...fileFlags,
      selector,
      bool('all'),
      bool('all-namespaces', 'A'),
      value('field-selector'),
      bool('force'),
      value('grace-period', undefined, { defaultValue: '-1' }),
      bool('now'),
      bool('wait', undefined, { defaultValue: 'true' }),
      value('timeout'),
      optionalValue('cascade', 'background', ['background', 'orphan', 'foreground', 'true', 'false'], { defaultValue: 'background' }),
      bool('ignore-not-found'),
      bool('interactive', 'i'),
      value('output', 'o'),
      value('raw'),
      dryRun,
    ],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['apply'],
    flags: [
      ...fileFlags,
      ...mutateFlags,
      selector,
      bool('all'),
      bool('server-side'),
      bool('force-conflicts'),
      bool('prune'),
      repeated('prune-allowlist'),
      bool('force'),
      value('grace-period', undefined, { defaultValue: '-1' }),
      bool('overwrite', undefined, { defaultValue: 'true' }),
      bool('openapi-patch', undefined, { defaultValue: 'true' }),
      bool('wait'),
      value('timeout'),
      optionalValue('cascade', 'background', ['background', 'orphan', 'foreground', 'true', 'false'], { defaultValue: 'background' }),
      validate,
      bool('record', undefined, { deprecation: '`--record` is deprecated and will be removed from kubectl.' }),
      bool('save-config'),
    ],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['expose'],
    flags: [
      value('port'),
      value('target-port'),
      value('name'),
      value('type', undefined, { values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }),
      value('protocol'),
      value('selector', undefined, { kind: 'map' }),
      value('labels', 'l', { kind: 'map' }),
      value('external-ip'),
      value('load-balancer-ip'),
      value('session-affinity'),
      value('cluster-ip'),
      value('overrides', undefined, { kind: 'json' }),
      value('override-type'),
      ...fileFlags,
      ...createFlags,
    ],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['edit'],
    flags: [...fileFlags, ...printFlags, bool('output-patch'), bool('windows-line-endings'), bool('save-config'), validate, value('field-manager'), value('subresource')],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['exec'],
    flags: [value('container', 'c'), bool('stdin', 'i'), bool('tty', 't'), bool('quiet', 'q'), value('pod-running-timeout'), ...fileFlags],
    interspersed: true,
    containerCommandAfter: 1,
    interpret: interpretExec,
  },
  {
    path: ['scale'],
    flags: [value('replicas'), value('current-replicas'), value('resource-version'), bool('all'), selector, value('timeout'), ...fileFlags, ...mutateFlags],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  ...['status', 'history', 'undo', 'restart', 'pause', 'resume'].map(
    (action): SubcommandSpec => ({
      path: ['rollout', action],
      flags: [value('revision'), bool('watch', 'w', { defaultValue: 'true' }), value('timeout'), value('to-revision'), selector, ...fileFlags, ...mutateFlags],
      interspersed: true,
      interpret: interpretResourceCommand,
    }),
  ),
  ...['label', 'annotate'].map(
    (name): SubcommandSpec => ({
      path: [name],
      flags: [bool('overwrite'), bool('all'), bool('all-namespaces', 'A'), bool('list'), bool('local'), value('resource-version'), value('field-selector'), selector, ...fileFlags, ...mutateFlags],
      interspersed: true,
      interpret: interpretLabel,
    }),
  ),
  {
    path: ['autoscale'],
    flags: [value('min'), value('max'), value('cpu-percent', undefined, { aliases: ['cpu'] }), value('name'), ...fileFlags, ...createFlags],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  {
    path: ['create', 'quota'],
    aliases: [['create', 'resourcequota']],
    flags: [value('hard', undefined, { kind: 'map' }), value('scopes', undefined, { kind: 'map' }), ...createFlags],
    interspersed: true,
    interpret: interpretCreateNamed,
  },
  ...['clusterip', 'nodeport', 'loadbalancer'].map(
    (type): SubcommandSpec => ({
      path: ['create', 'service', type],
      aliases: [['create', 'svc', type]],
      flags: [list('tcp'), value('node-port'), value('clusterip'), ...createFlags],
      interspersed: true,
      interpret: interpretCreateNamed,
    }),
  ),
  {
    path: ['set', 'env'],
    flags: [repeated('env', 'e'), value('from'), value('prefix'), list('keys'), value('containers', 'c', { defaultValue: '*' }), bool('list'), bool('resolve'), bool('overwrite', undefined, { defaultValue: 'true' }), bool('all'), bool('local'), selector, ...fileFlags, ...mutateFlags],
    interspersed: true,
    interpret: interpretLabel,
  },
  {
    path: ['set', 'resources'],
    flags: [value('limits', undefined, { kind: 'map' }), value('requests', undefined, { kind: 'map' }), value('containers', 'c', { defaultValue: '*' }), bool('all'), bool('local'), selector, ...fileFlags, ...mutateFlags],
    interspersed: true,
    interpret: interpretResourceCommand,
  },
  ...['pod', 'node'].map(
    (kind): SubcommandSpec => ({
      path: ['top', kind],
      flags: [selector, bool('all-namespaces', 'A'), bool('containers'), bool('no-headers'), value('sort-by'), bool('sum')],
      interspersed: true,
      interpret: interpretResourceCommand,
    }),
  ),
  { path: ['port-forward'], flags: [list('address', undefined, { defaultValue: 'localhost' }), value('pod-running-timeout')], interspersed: true },
  { path: ['explain'], flags: [bool('recursive'), value('api-version'), value('output', 'o')], interspersed: true },
  { path: ['version'], flags: [bool('client'), value('output', 'o')], interspersed: true },
];

export const kubectlGrammar: ToolSpec = {
  name: 'kubectl',
  names: ['kubectl', 'k'],
  globalFlags: [
    value('namespace', 'n'),
    value('context'),
    value('kubeconfig', undefined, { kind: 'path' }),
    value('cluster'),
    value('user'),
    value('server', 's'),
    value('token'),
    value('as'),
    repeated('as-group'),
    value('as-uid'),
    value('request-timeout'),
    value('v', 'v'),
    value('certificate-authority', undefined, { kind: 'path' }),
    value('client-certificate', undefined, { kind: 'path' }),
    value('client-key', undefined, { kind: 'path' }),
    ...values('tls-server-name', 'cache-dir', 'profile', 'profile-output', 'username', 'password', 'log-flush-frequency', 'vmodule'),
    bool('insecure-skip-tls-verify'),
    bool('match-server-version'),
    bool('warnings-as-errors'),
    bool('disable-compression'),
  ],
  globalFlagsAnywhere: true,
  subcommands,
  // As root, kubectl reads root's kubeconfig, which may name another cluster or user.
  sudoIsNeutral: false,
};

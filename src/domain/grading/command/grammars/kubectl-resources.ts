/**
 * How kubectl reads resource arguments: `TYPE NAME...`, `TYPE/NAME...` or `TYPE1,TYPE2`, with
 * short names (`po`, `deploy`, `svc`, `sa`) and singular or plural type names.
 */
import type { FacetSink, ParsedArguments } from '../spec';

const RESOURCE_NAMES: Record<string, readonly string[]> = {
  pods: ['po', 'pod'],
  services: ['svc', 'service'],
  deployments: ['deploy', 'deployment', 'deployment.apps', 'deployments.apps'],
  replicasets: ['rs', 'replicaset', 'replicaset.apps', 'replicasets.apps'],
  statefulsets: ['sts', 'statefulset', 'statefulset.apps', 'statefulsets.apps'],
  daemonsets: ['ds', 'daemonset', 'daemonset.apps', 'daemonsets.apps'],
  jobs: ['job', 'job.batch', 'jobs.batch'],
  cronjobs: ['cj', 'cronjob', 'cronjob.batch', 'cronjobs.batch'],
  configmaps: ['cm', 'configmap'],
  secrets: ['secret'],
  serviceaccounts: ['sa', 'serviceaccount'],
  namespaces: ['ns', 'namespace'],
  nodes: ['no', 'node'],
  persistentvolumeclaims: ['pvc', 'persistentvolumeclaim'],
  persistentvolumes: ['pv', 'persistentvolume'],
  ingresses: ['ing', 'ingress', 'ingress.networking.k8s.io', 'ingresses.networking.k8s.io'],
  networkpolicies: ['netpol', 'networkpolicy'],
  endpoints: ['ep'],
  events: ['ev', 'event'],
  horizontalpodautoscalers: ['hpa', 'horizontalpodautoscaler'],
  roles: ['role'],
  rolebindings: ['rolebinding'],
  clusterroles: ['clusterrole'],
  clusterrolebindings: ['clusterrolebinding'],
  resourcequotas: ['quota', 'resourcequota'],
  limitranges: ['limits', 'limitrange'],
};

const CANONICAL_RESOURCE = new Map<string, string>();
for (const [plural, others] of Object.entries(RESOURCE_NAMES)) {
  CANONICAL_RESOURCE.set(plural, plural);
  for (const other of others) CANONICAL_RESOURCE.set(other, plural);
}

/** The plural resource name kubectl resolves a typed type name to, e.g. `deploy` -> `deployments`. */
export function canonicalResourceType(typed: string): string {
  const lower = typed.toLowerCase();
  return CANONICAL_RESOURCE.get(lower) ?? lower;
}

/** Reads resource words into `type/name` items (or bare `type` items when no name is given). */
export function resourceItems(words: readonly string[], implicitType?: string): string[] {
  if (words.length === 0) return [];
  if (words.some((word) => word.includes('/'))) {
    return words.map((word) => {
      const slash = word.indexOf('/');
      if (slash === -1) return implicitType ? `${implicitType}/${word}` : word;
      return `${canonicalResourceType(word.slice(0, slash))}/${word.slice(slash + 1)}`;
    });
  }
  if (implicitType) return words.map((word) => `${implicitType}/${word}`);
  const [types, ...names] = words;
  const typeList = types!.split(',').filter((type) => type !== '').map(canonicalResourceType);
  if (names.length === 0) return typeList;
  return typeList.flatMap((type) => names.map((name) => `${type}/${name}`));
}

function setResources(sink: FacetSink, items: readonly string[]): void {
  if (items.length > 0) sink.set({ key: 'resources', label: 'the resources', values: items, kind: 'text', ordered: false });
}

/** All positionals name resources: get, describe, delete, edit, expose, patch, scale, rollout. */
export function interpretResourceCommand(parsed: ParsedArguments, sink: FacetSink): void {
  setResources(sink, resourceItems([...parsed.positionals, ...(parsed.afterDash ?? [])]));
}

/** `kubectl logs POD [CONTAINER]`: a bare name is a Pod; the second word is the container. */
export function interpretLogs(parsed: ParsedArguments, sink: FacetSink): void {
  const [target, container, ...extra] = parsed.positionals;
  if (target !== undefined) setResources(sink, resourceItems([target], target.includes('/') ? undefined : 'pods'));
  if (container !== undefined) {
    if (sink.get('--container')) sink.error({ code: 'too-many-arguments', actual: container, message: 'Give the container either with `-c` or as the second argument, not both.' });
    sink.set({ key: '--container', label: '`-c`/`--container`', values: [container], kind: 'text', ordered: false });
  }
  if (extra.length > 0) sink.error({ code: 'too-many-arguments', actual: extra.join(' '), message: '`kubectl logs` takes a Pod (or TYPE/NAME) and an optional container name.' });
}

/** `kubectl exec POD -- COMMAND...`. */
export function interpretExec(parsed: ParsedArguments, sink: FacetSink): void {
  const [target, ...beforeDash] = parsed.positionals;
  if (target !== undefined) setResources(sink, resourceItems([target], target.includes('/') ? undefined : 'pods'));
  const argv = [...beforeDash, ...(parsed.afterDash ?? [])];
  if (beforeDash.length > 0 && !sink.hasError('missing-double-dash')) {
    sink.error({ code: 'missing-double-dash', actual: beforeDash.join(' '), message: '`kubectl exec` needs `--` before the command to run in the container.' });
  }
  if (argv.length > 0) sink.set({ key: 'argv', label: 'the command run in the container', values: argv, kind: 'text', ordered: true });
}

/** `kubectl set image TYPE NAME CONTAINER=IMAGE...`: one image facet per container. */
export function interpretSetImage(parsed: ParsedArguments, sink: FacetSink): void {
  const words = [...parsed.positionals, ...(parsed.afterDash ?? [])];
  const pairs = words.filter((word) => word.includes('='));
  setResources(sink, resourceItems(words.filter((word) => !word.includes('='))));
  if (pairs.length === 0) sink.error({ code: 'missing-argument', message: '`kubectl set image` needs at least one CONTAINER=IMAGE pair.' });
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const container = pair.slice(0, equals);
    sink.set({ key: `image:${container}`, label: `the image of container \`${container}\``, values: [pair.slice(equals + 1)], kind: 'image', ordered: true });
  }
}

/** `kubectl label|annotate TYPE NAME KEY=VALUE... KEY-...`: the pairs compare as a set. */
export function interpretLabel(parsed: ParsedArguments, sink: FacetSink): void {
  const words = [...parsed.positionals, ...(parsed.afterDash ?? [])];
  const isChange = (word: string) => word.includes('=') || (word.endsWith('-') && !word.includes('/'));
  const changes = words.filter((word, index) => index > 0 && isChange(word));
  setResources(sink, resourceItems(words.filter((word, index) => index === 0 || !isChange(word))));
  if (changes.length > 0) sink.set({ key: 'changes', label: 'the key changes', values: changes, kind: 'text', ordered: false });
}

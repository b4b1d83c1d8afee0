import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import { distinctExpected, gradeCommand, reasonCodes, testCommandRows } from './support';
import type { AcceptRow, RejectRow } from './support';

const MANIFEST = 'kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml';
const SLEEPER = 'kubectl run b --image=busybox --restart=Never -- sleep 3600';
const REGCRED = 'kubectl create secret docker-registry regcred --docker-server=reg.io --docker-username=u --docker-password=p';
const GENERIC = 'kubectl create secret generic regcred --from-file=.dockerconfigjson=config.json --type=kubernetes.io/dockerconfigjson';
const PATCH = `kubectl patch serviceaccount default -p '{"imagePullSecrets": [{"name": "regcred"}]}'`;

const accepted: AcceptRow[] = [
  ['kubectl run nginx --image=nginx', 'k run nginx --image nginx', 'k alias and spaced value'],
  ['kubectl run nginx --image=nginx', 'kubectl run --image=nginx nginx', 'flag before the name'],
  ['kubectl run nginx --image=nginx', 'kubectl run nginx --image=nginx --restart=Always', 'restart Always is the default'],
  [MANIFEST, 'kubectl run nginx --image=nginx -oyaml --dry-run=client > pod.yaml', '-oyaml'],
  [MANIFEST, 'kubectl run nginx --image=nginx --output=yaml --dry-run=client > pod.yaml', '--output=yaml'],
  [MANIFEST, 'kubectl run nginx --image=nginx -o=yaml --dry-run=client > pod.yaml', '-o=yaml'],
  [MANIFEST, 'kubectl run nginx > pod.yaml --image=nginx --dry-run=client -o yaml', 'redirection in the middle'],
  [MANIFEST, '> pod.yaml kubectl run nginx --image=nginx --dry-run=client -o yaml', 'redirection first'],
  [MANIFEST, 'k run nginx --image=nginx --dry-run=client -o yaml > ./pod.yaml', 'redirect path ./'],
  [SLEEPER, 'kubectl run b --restart=Never --image=busybox -- sleep 3600', 'flag order'],
  [SLEEPER, 'kubectl run b --image=busybox --restart Never -- sleep 3600', 'spaced value'],
  [SLEEPER, 'kubectl run b --image=busybox --restart=Never sleep 3600', 'args without -- when none starts with -'],
  [SLEEPER, 'kubectl run b --image=busybox -- sleep 3600 '.replace(' -- ', ' --restart=Never -- '), 'restart before --'],
  ['kubectl run b --image=busybox --command -- sleep 3600', 'kubectl run b --image=busybox --command sleep 3600', '--command without --'],
  ["kubectl run b --image=busybox -- sh -c 'echo hi'", 'kubectl run b --image=busybox -- sh -c "echo hi"', 'quote style'],
  ['kubectl run b --image=busybox -it --rm --restart=Never -- sh', 'kubectl run b --image=busybox -ti --rm --restart=Never sh', 'grouped -ti and no --'],
  ['kubectl -n dev run nginx --image=nginx', 'kubectl run nginx --image=nginx -n dev', 'namespace after the subcommand'],
  ['kubectl -n dev run nginx --image=nginx', 'kubectl run nginx --image=nginx --namespace=dev', 'namespace long name'],
  ['kubectl -n dev run nginx --image=nginx', 'kubectl run nginx --image=nginx -ndev', 'namespace attached'],
  ['kubectl --context prod get pods', 'kubectl get pods --context=prod', 'context anywhere'],
  ['kubectl run nginx --image=nginx --labels=app=web,tier=fe', 'kubectl run nginx --image=nginx -l tier=fe,app=web', 'labels in any order'],
  ['kubectl run nginx --image=nginx --env=A=1 --env=B=2', 'kubectl run nginx --env B=2 --image=nginx --env A=1', 'repeated env in any order'],
  ['kubectl create deployment web --image=nginx:1.25 --replicas=3', 'k create deploy web --replicas 3 --image nginx:1.25', 'deploy alias'],
  ['kubectl create deployment web --image=nginx:1.25', 'kubectl create deployment web --image=nginx:1.25 --replicas=1', 'one replica is the default'],
  ['kubectl create job hello --image=busybox -- echo hi', 'kubectl create job --image=busybox hello -- echo hi', 'flag before the name'],
  ['kubectl create cronjob c --image=busybox --schedule="*/1 * * * *" -- date', "kubectl create cj c --schedule='*/1 * * * *' --image=busybox -- date", 'cj alias and quotes'],
  [REGCRED, 'kubectl create secret docker-registry regcred --docker-password p --docker-username u --docker-server reg.io', 'flag order and spaced values'],
  [REGCRED, `${REGCRED} --docker-email=`.replace(' --docker-email=', ''), 'same command'],
  [GENERIC, 'kubectl create secret generic regcred --type kubernetes.io/dockerconfigjson --from-file .dockerconfigjson=config.json', 'spaced values'],
  [PATCH, `kubectl patch sa default -p='{"imagePullSecrets":[{"name":"regcred"}]}'`, 'sa alias and JSON spacing'],
  [PATCH, `kubectl patch serviceaccount/default --patch '{"imagePullSecrets": [{"name": "regcred"}]}'`, 'TYPE/NAME and --patch'],
  [PATCH, `kubectl patch serviceaccount default -p 'imagePullSecrets: [{name: regcred}]'`, 'YAML patch'],
  ['kubectl set image deployment/web web=nginx:1.25', 'kubectl set image deploy web web=nginx:1.25', 'TYPE NAME form'],
  ['kubectl set image deployment/web web=nginx:1.25', 'k set image deployments/web web=nginx:1.25', 'plural type'],
  ['kubectl get pods', 'kubectl get po', 'po short name'],
  ['kubectl get pods', 'kubectl get pod', 'singular'],
  ['kubectl get pods -A', 'kubectl get pods --all-namespaces', 'all-namespaces long name'],
  ['kubectl get pods -o wide', 'kubectl get pods -owide', 'attached output'],
  ['kubectl get pods,services', 'kubectl get po,svc', 'type list short names'],
  ['kubectl describe pod web', 'kubectl describe po/web', 'TYPE/NAME'],
  ['kubectl logs web', 'kubectl logs pod/web', 'bare name is a Pod'],
  ['kubectl logs web -c app', 'kubectl logs web app', 'container as second argument'],
  ['kubectl logs -f web', 'kubectl logs web --follow', 'follow long name'],
  ['kubectl delete pod web --force --grace-period=0', 'kubectl delete po/web --grace-period 0 --force', 'flag order'],
  ['kubectl apply -f pod.yaml', 'kubectl apply -f ./pod.yaml', './ path'],
  ['kubectl apply -f pod.yaml', 'kubectl apply --filename=pod.yaml', 'filename long name'],
  ['kubectl expose deployment web --port=80 --target-port=8080', 'kubectl expose deploy/web --target-port 8080 --port 80', 'TYPE/NAME and flag order'],
  ['kubectl edit deployment web', 'kubectl edit deploy/web', 'edit with TYPE/NAME'],
  [`${MANIFEST} && kubectl apply -f pod.yaml`, `${MANIFEST}\nkubectl apply -f pod.yaml`, 'new line chain'],
  ['kubectl exec web -- ls /', 'kubectl exec pod/web -- ls /', 'exec with TYPE/NAME'],
  ['kubectl exec -it nginx -- /bin/sh', 'kubectl exec nginx -ti -- /bin/sh', 'exec flags after the Pod'],
  ['kubectl autoscale deploy nginx --min=5 --max=10 --cpu-percent=80', 'kubectl autoscale deployment nginx --min 5 --max 10 --cpu-percent 80', 'autoscale spaced values'],
  ['kubectl create quota myrq --hard=cpu=1,memory=1G,pods=2', 'kubectl create resourcequota myrq --hard=pods=2,cpu=1,memory=1G', 'quota items in any order'],
  ['kubectl set env deployment/web MODE=prod DEBUG=0', 'kubectl set env deploy web DEBUG=0 MODE=prod', 'env pairs in any order'],
  ['kubectl rollout undo deploy nginx --to-revision=2', 'kubectl rollout undo deployment/nginx --to-revision 2', 'rollout undo'],
  ['kubectl scale deploy nginx --replicas=5', 'kubectl scale --replicas=5 deployment/nginx', 'scale flag first'],
  ["kubectl get pods -o jsonpath='{.items[*].metadata.name}'", 'kubectl get po -o=jsonpath="{.items[*].metadata.name}"', 'jsonpath quoting'],
  ['kubectl label pod nginx app=v2 --overwrite', 'kubectl label po nginx --overwrite app=v2', 'label flag order'],
  ['kubectl run nginx --image=nginx --dry-run=client -o yaml | kubectl apply -f -', 'kubectl run nginx --image nginx -oyaml --dry-run=client | kubectl apply -f -', 'pipe to apply'],
];

const rejected: RejectRow[] = [
  [MANIFEST, 'kubectl run nginx --image=nginx --dry-run client -o yaml > pod.yaml', 'dry-run-needs-equals', 'dry-run value after a space'],
  [MANIFEST, 'kubectl run nginx --image=nginx -o yaml > pod.yaml', 'missing-dry-run', 'the object would be created'],
  [MANIFEST, 'kubectl run nginx --image=nginx --dry-run=server -o yaml > pod.yaml', 'wrong-flag-value', 'server dry run'],
  [MANIFEST, 'kubectl run nginx --image=nginx --dry-run=client -o yaml', 'missing-stdout', 'manifest not saved'],
  [MANIFEST, 'kubectl run nginx --image=nginx --dry-run=client -o json > pod.yaml', 'wrong-flag-value', 'json instead of yaml'],
  [SLEEPER, 'kubectl run b --image=busybox -- sleep 3600 --restart=Never', 'option-after-double-dash', 'option after --'],
  ['kubectl run b --image=busybox -- sleep 3600', 'kubectl run b --image=busybox --command -- sleep 3600', 'command-args-swapped', 'command instead of args'],
  ['kubectl run b --image=busybox --command -- sleep 3600', 'kubectl run b --image=busybox -- sleep 3600', 'command-args-swapped', 'args instead of command'],
  ["kubectl run b --image=busybox -- sh -c 'echo hi'", "kubectl run b --image=busybox sh -c 'echo hi'", 'missing-double-dash', '-c read as a kubectl flag'],
  ["kubectl run b --image=busybox --command -- sh -c 'echo hi'", "kubectl run b --image=busybox --command sh -c 'echo hi'", 'missing-double-dash', '--command without -- and a dash word'],
  ['kubectl run b --image=busybox -- sleep 3600', 'kubectl run b --image=busybox -- "sleep 3600"', 'argv-one-word', 'one quoted word'],
  ['kubectl run b --image=busybox -- sleep 3600', 'kubectl run b --image=busybox -- sleep 360', 'container-args-mismatch', 'different argument'],
  ['kubectl run nginx --image=nginx:1.25', 'kubectl run nginx --image=nginx', 'tag-defaults-to-latest', 'tag falls back to latest'],
  ['kubectl run nginx --image=nginx --image-pull-policy=Always', 'kubectl run nginx --image=nginx --image-pull-policy=always', 'wrong-flag-value', 'policy case'],
  ['kubectl run nginx --image=nginx --restart=Never', 'kubectl run nginx --image=nginx --restart=never', 'wrong-flag-value', 'restart case'],
  ['kubectl run nginx --image=nginx', 'kubectl run nginx --images=nginx', 'unknown-flag', 'invented --images'],
  ['kubectl run nginx --image=nginx', 'kubectl run nginx', 'missing-flag', 'no image'],
  ['kubectl run nginx --image=nginx', 'kubectl run --image=nginx -- nginx', 'missing-argument', 'name after --'],
  ['kubectl create job hello --image=busybox -- echo hi', 'kubectl create job hello --image=busybox --command -- echo hi', 'unknown-flag', 'create job has no --command'],
  ['kubectl create deployment web --image=nginx -- sleep 10', 'kubectl create deployment web --image=nginx sleep 10', 'missing-double-dash', 'command without --'],
  ['kubectl create deployment web --image=nginx', 'kubectl run web --image=nginx', 'wrong-subcommand', 'Pod instead of Deployment'],
  ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl create deployment web --image=nginx --replicas 2', 'wrong-flag-value', 'replica count'],
  [REGCRED, 'kubectl create secret docker-registry regcred --server=reg.io --docker-username=u --docker-password=p', 'docker-registry-flag-name', '--server is the API server'],
  [REGCRED, 'kubectl create secret docker-registry regcred --docker-server=reg.io --username=u --password=p', 'docker-registry-flag-name', '--username is API auth'],
  [REGCRED, `${REGCRED} --email=a@b.c`, 'unknown-flag', 'invented --email'],
  [GENERIC, REGCRED.replace('docker-registry', 'generic'), 'unknown-flag', 'generic takes no docker flags'],
  [GENERIC, 'kubectl create secret generic regcred --from-file=.dockerconfigjson=config.json', 'missing-flag', 'no type'],
  [GENERIC, GENERIC.replace('dockerconfigjson --', 'dockeconfigjson --').replace('type=kubernetes.io/dockerconfigjson', 'type=kubernetes.io/dockeconfigjson'), 'wrong-flag-value', 'misspelled type'],
  [PATCH, `kubectl patch serviceaccount default -p '{"secrets": [{"name": "regcred"}]}'`, 'wrong-flag-value', 'secrets instead of imagePullSecrets'],
  [PATCH, `kubectl patch serviceaccount web -p '{"imagePullSecrets": [{"name": "regcred"}]}'`, 'wrong-resources', 'another account'],
  ['kubectl set image deployment/web web=nginx:1.25', 'kubectl set image deployment/web web=nginx', 'tag-defaults-to-latest', 'image tag left out'],
  ['kubectl set image deployment/web web=nginx:1.25', 'kubectl set image deployment/web app=nginx:1.25', 'missing-image:web', 'wrong container name'],
  ['kubectl get pods -n dev', 'kubectl get pods', 'missing-flag', 'namespace left out'],
  ['kubectl -n dev get pods', 'kubectl --n dev get pods', 'unknown-flag', 'namespace with two dashes and one letter'],
  ['kubectl apply -f pod.yaml', 'kubectl create -f pod.yaml', 'wrong-subcommand', 'create instead of apply'],
  ['kubectl logs web', 'kubectl log web', 'wrong-subcommand', 'log is not a subcommand'],
  ['kubectl expose deployment web --port=80', 'kubectl expose deployment web --port 8080', 'wrong-flag-value', 'different port'],
  ['kubectl get pods', 'kubectl get deployments', 'wrong-resources', 'another resource type'],
  ['kubectl run nginx --image=nginx', 'docker run nginx', 'wrong-tool', 'docker instead of kubectl'],
  ['kubectl run nginx --image=nginx', 'sudo kubectl run nginx --image=nginx', 'sudo-changes-image-store', 'root kubeconfig'],
  ['kubectl scale deploy nginx --replicas=5', 'kubectl scale deploy nginx --replicas=3', 'wrong-flag-value', 'replica count'],
  ['kubectl delete po nginx --grace-period=0 --force', 'kubectl delete pod nginx --now', 'missing-flag', '--now is not --force'],
  ['kubectl run nginx --image=nginx --dry-run=client -o yaml | kubectl apply -f -', 'kubectl run nginx --image=nginx --dry-run=client -o yaml && kubectl apply -f -', 'wrong-join', 'sequence instead of pipe'],
];

describe('command checker, kubectl', () => {
  testCommandRows(accepted, rejected);

  it('bare dry-run accepted with a note', () => {
    const verdict = gradeCommand('kubectl run nginx --image=nginx --dry-run=client -o yaml', 'kubectl run nginx --image=nginx --dry-run -o yaml');
    expect(verdict.correct).toBe(true);
    expect(reasonCodes(verdict)).toEqual(['deprecated-bare-flag']);
  });

  it('acceptCommandOrArgs accepts both fields', () => {
    const options = { acceptCommandOrArgs: true };
    expect(gradeCommand('kubectl run b --image=busybox -- sleep 3600', 'kubectl run b --image=busybox --command -- sleep 3600', options).correct).toBe(true);
    expect(gradeCommand('kubectl run b --image=busybox --command -- sleep 3600', 'kubectl run b --image=busybox -- sleep 3600', options).correct).toBe(true);
  });

  it('dry-run message names the = rule', () => {
    const [first] = gradeCommand(MANIFEST, 'kubectl run nginx --image=nginx --dry-run client -o yaml > pod.yaml').feedback;
    expect(first?.expected).toBe('--dry-run=client');
    expect(first?.actual).toBe('--dry-run client');
    expect(first?.message).toContain('attached with `=`');
  });
});

describe('command checker, kubectl canonical', () => {
  it.each(distinctExpected([...accepted, ...rejected]))('accepts its own expected %j', (expected) => {
    const checker = { kind: 'command' as const, expected: [expected] };
    expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
  });
});

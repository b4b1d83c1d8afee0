import { describe, expect, it } from 'vitest';
import { check } from '../../../src/domain/deck/shape';
import { gradeAnswer } from '../../../src/domain/grading/checkers';
import { TEMPLATES, findTemplate, poolsShape } from '../../../src/domain/generate/registry';
import { renderVariant } from '../../../src/domain/generate/render';
import type { Variant } from '../../../src/domain/generate/render';

const REQUIRED_IDS = [
  'pull-policy/default',
  'pull-policy/effective',
  'image-ref/parts',
  'argv/dockerfile',
  'argv/pod',
  'kubectl/run-fields',
  'kubectl/create-fields',
  'build-tag-push/docker',
  'build-tag-push/podman',
  'build-tag-push/buildah',
];

/** Renders review 0 of a card whose pools each hold one entry, so the variant is fixed. */
function renderWith(template: string, pools: Record<string, string[]>, reviewNumber = 0): Variant {
  return renderVariant('test-deck', { id: 'card', template, pools }, reviewNumber);
}

const accepts = (variant: Variant, answer: string) => gradeAnswer(variant.checker, answer).correct;

describe('template registry', () => {
  it.each(REQUIRED_IDS)('%s is registered', (id) => {
    expect(findTemplate(id)?.id).toBe(id);
  });

  it('ids are unique', () => {
    const ids = TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(TEMPLATES.map((template) => [template.id, template] as const))('%s', (id, template) => {
  it('defaults pass their shapes', () => {
    const defaults = Object.fromEntries(Object.entries(template.parameters).map(([name, declared]) => [name, [...declared.defaults]]));
    expect(check(poolsShape(template), defaults).problems).toEqual([]);
  });

  it('every parameter has defaults', () => {
    for (const declared of Object.values(template.parameters)) expect(declared.defaults.length).toBeGreaterThan(0);
  });

  it('variants accept their expected answers', () => {
    for (let review = 0; review < 300; review++) {
      const variant = renderVariant('test-deck', { id: 'card', template: id }, review);
      expect(accepts(variant, variant.expected), `review ${review}: ${variant.expected}`).toBe(true);
      expect(variant.prompt.length).toBeGreaterThan(0);
      expect(variant.explanation.length).toBeGreaterThan(0);
    }
  });

  it('choice variants mark the expected option', () => {
    for (let review = 0; review < 300; review++) {
      const variant = renderVariant('test-deck', { id: 'card', template: id }, review);
      if (!variant.choices) continue;
      const correct = variant.choices.filter((choice) => choice.correct);
      expect(correct.map((choice) => choice.text)).toEqual([variant.expected]);
      expect(new Set(variant.choices.map((choice) => choice.text)).size).toBe(variant.choices.length);
      expect(variant.choices.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('same review renders same variant', () => {
    const first = renderVariant('test-deck', { id: 'card', template: id }, 17);
    const second = renderVariant('test-deck', { id: 'card', template: id }, 17);
    expect(second).toEqual(first);
  });

  it('reviews draw varied params', () => {
    const drawn = new Set<string>();
    for (let review = 0; review < 50; review++) drawn.add(JSON.stringify(renderVariant('test-deck', { id: 'card', template: id }, review).params));
    expect(drawn.size).toBeGreaterThan(10);
  });
});

describe('pull-policy/default', () => {
  const rows: readonly [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['myreg/app', 'Always'],
    ['app:latest@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'Always'],
    ['app:1.2@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'IfNotPresent'],
    ['app@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'IfNotPresent'],
  ];

  it.each(rows)('typed %s', (image, policy) => {
    const variant = renderWith('pull-policy/default', { image: [image], form: ['typed'] });
    expect(variant.expected).toBe(policy);
    expect(variant.form).toBe('typed');
  });

  it.each(rows)('choice %s', (image, policy) => {
    const variant = renderWith('pull-policy/default', { image: [image], form: ['choice'] });
    expect(variant.expected).toBe(`\`${policy}\``);
    expect(variant.choices?.map((choice) => choice.text).sort()).toEqual(['`Always`', '`IfNotPresent`', '`Never`']);
  });

  it('rejects wrong case', () => {
    const variant = renderWith('pull-policy/default', { image: ['nginx'], form: ['typed'] });
    expect(accepts(variant, 'always')).toBe(false);
    expect(accepts(variant, ' Always ')).toBe(true);
  });

  it('explains the port', () => {
    const variant = renderWith('pull-policy/default', { image: ['localhost:5000/app'], form: ['typed'] });
    expect(variant.explanation).toMatch(/`:5000` after the host is the registry port, not a tag/);
  });

  it('explains latest with digest', () => {
    const variant = renderWith('pull-policy/default', {
      image: ['app:latest@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45'],
      form: ['typed'],
    });
    expect(variant.explanation).toMatch(/even though a digest is given/);
  });
});

describe('pull-policy/effective', () => {
  it.each([
    ['nginx', '', 'Always'],
    ['nginx:1.27', '', 'IfNotPresent'],
    ['nginx', 'Never', 'Never'],
    ['nginx:1.27', 'Always', 'Always'],
    ['nginx:latest', 'IfNotPresent', 'IfNotPresent'],
  ])('%s with field %j', (image, policy, expected) => {
    const variant = renderWith('pull-policy/effective', { image: [image], policy: [policy], form: ['typed'] });
    expect(variant.expected).toBe(expected);
    expect(variant.prompt.includes('imagePullPolicy: ')).toBe(policy !== '');
  });

  it.each([
    ['Always', 'yes', /asks the registry which digest/, 4],
    ['Always', 'no', /asks the registry which digest/, 3],
    ['IfNotPresent', 'yes', /without contacting the registry/, 4],
    ['IfNotPresent', 'no', /pulls the image from the registry/, 3],
    ['Never', 'yes', /without contacting the registry/, 4],
    ['Never', 'no', /ErrImageNeverPull/, 4],
  ])('behaviour %s on node %s', (policy, onNode, expected, options) => {
    const variant = renderWith('pull-policy/effective', { image: ['nginx:1.27'], policy: [policy], form: ['behaviour'], onNode: [onNode] });
    expect(variant.expected).toMatch(expected);
    expect(variant.choices).toHaveLength(options);
  });

  it('records onNode only for behaviour', () => {
    const typed = renderWith('pull-policy/effective', { image: ['nginx'], policy: [''], form: ['typed'] });
    expect(Object.keys(typed.params)).toEqual(['image', 'policy', 'form']);
  });
});

describe('image-ref/parts', () => {
  it.each([
    ['myreg/app', 'registry', 'docker.io'],
    ['myreg.local/app', 'registry', 'myreg.local'],
    ['localhost:5000/app', 'registry', 'localhost:5000'],
    ['nginx', 'namespace', 'library'],
    ['localhost:5000/app', 'namespace', 'none'],
    ['ghcr.io/acme/tools/cli:0.9.1', 'namespace', 'acme/tools'],
    ['registry.example.com:5000/team/api:1.4', 'repository', 'api'],
    ['localhost:5000/app', 'tag', 'latest'],
    ['app@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'tag', 'none'],
    ['nginx', 'canonical', 'docker.io/library/nginx:latest'],
    ['bitnami/redis:7.4', 'canonical', 'docker.io/bitnami/redis:7.4'],
  ])('%s %s', (image, part, expected) => {
    const variant = renderWith('image-ref/parts', { image: [image], part: [part], form: ['typed'] });
    expect(variant.expected).toBe(expected);
  });

  it('choice offers distinct options', () => {
    const variant = renderWith('image-ref/parts', { image: ['myreg/app'], part: ['registry'], form: ['choice'] });
    expect(variant.expected).toBe('`docker.io`');
    expect(variant.choices?.some((choice) => choice.text === '`myreg`' && !choice.correct)).toBe(true);
  });
});

describe('image-ref/valid', () => {
  it.each([
    ['MyApp:1.0', 'invalid', /must be lowercase/],
    ['myapp:1.0', 'valid', /is valid/],
    ['nginx:-beta', 'invalid', /tag `-beta` does not match/],
    ['app:v1.0_RC1', 'valid', /is valid/],
  ])('%s', (image, expected, explanation) => {
    const variant = renderWith('image-ref/valid', { image: [image], form: ['typed'] });
    expect(variant.expected).toBe(expected);
    expect(variant.explanation).toMatch(explanation);
  });
});

describe('argv/dockerfile', () => {
  it('single quotes are shell form', () => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: [''], cmd: ["['nginx']"], form: ['typed'] });
    expect(variant.expected).toBe(`["/bin/sh", "-c", "['nginx']"]`);
    expect(accepts(variant, `["/bin/sh","-c","['nginx']"]`)).toBe(true);
    expect(accepts(variant, '["nginx"]')).toBe(false);
    expect(variant.explanation).toMatch(/not valid JSON/);
  });

  it('accepts spacing variants', () => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: [''], cmd: ['["nginx", "-g", "daemon off;"]'], form: ['typed'] });
    expect(accepts(variant, '["nginx","-g","daemon off;"]')).toBe(true);
    expect(accepts(variant, '["nginx", "-g", "daemon off;"]')).toBe(true);
    expect(accepts(variant, '[ "nginx", "-g", "daemon off;" ]')).toBe(true);
    expect(accepts(variant, '["NGINX", "-g", "daemon off;"]')).toBe(false);
  });

  it('accepts YAML lists', () => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: [''], cmd: ['["sleep", "3600"]'], form: ['typed'] });
    expect(accepts(variant, '[sleep, "3600"]')).toBe(true);
    expect(accepts(variant, '- sleep\n- "3600"')).toBe(true);
    expect(accepts(variant, '["sleep 3600"]')).toBe(false);
    expect(accepts(variant, '["3600", "sleep"]')).toBe(false);
  });

  it('nothing to run', () => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: [''], cmd: [''], form: ['typed'] });
    expect(variant.expected).toBe('none');
    expect(accepts(variant, 'nothing to run')).toBe(true);
    expect(accepts(variant, '[]')).toBe(false);
  });

  it('entrypoint resets base cmd', () => {
    const variant = renderWith('argv/dockerfile', { base: ['CMD ["sh"]'], entrypoint: ['["/ep"]'], cmd: [''], form: ['typed'] });
    expect(variant.expected).toBe('["/ep"]');
    expect(variant.explanation).toMatch(/resets the CMD inherited/);
  });

  it('cmd keeps base entrypoint', () => {
    const variant = renderWith('argv/dockerfile', { base: ['ENTRYPOINT ["/base"]\nCMD ["x"]'], entrypoint: [''], cmd: ['["y"]'], form: ['typed'] });
    expect(variant.expected).toBe('["/base", "y"]');
  });

  it('shell entrypoint appends cmd', () => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: ['e p'], cmd: ['["c", "p2"]'], form: ['typed'] });
    expect(variant.expected).toBe('["/bin/sh", "-c", "e p", "c", "p2"]');
    expect(variant.explanation).toMatch(/\$0/);
  });
});

describe('argv/pod', () => {
  const image = { entrypoint: ['["/ep-1"]'], cmd: ['["foo", "bar"]'], command: ['["/ep-2"]'], args: ['["zoo", "boo"]'], form: ['typed'] };

  it.each([
    ['neither', '["/ep-1", "foo", "bar"]'],
    ['command', '["/ep-2"]'],
    ['args', '["/ep-1", "zoo", "boo"]'],
    ['both', '["/ep-2", "zoo", "boo"]'],
  ])('case %s', (fields, expected) => {
    const variant = renderWith('argv/pod', { ...image, fields: [fields] });
    expect(variant.expected).toBe(expected);
  });

  it('args without entrypoint', () => {
    const variant = renderWith('argv/pod', { ...image, entrypoint: [''], cmd: ['["sh"]'], fields: ['args'], args: ['["sleep", "3600"]'] });
    expect(variant.expected).toBe('["sleep", "3600"]');
    expect(variant.explanation).toMatch(/args\[0\] as the executable/);
  });

  it('args with shell entrypoint', () => {
    const variant = renderWith('argv/pod', { ...image, entrypoint: ['e p'], fields: ['args'] });
    expect(variant.expected).toBe('["/bin/sh", "-c", "e p", "zoo", "boo"]');
    expect(variant.explanation).toMatch(/no visible effect/);
  });

  it('nothing at all', () => {
    const variant = renderWith('argv/pod', { ...image, entrypoint: [''], cmd: [''], fields: ['neither'], form: ['choice'] });
    expect(variant.expected).toMatch(/^Nothing/);
  });

  it('records only drawn fields', () => {
    const variant = renderWith('argv/pod', { ...image, fields: ['args'] });
    expect(Object.keys(variant.params)).toEqual(['entrypoint', 'cmd', 'fields', 'args', 'form']);
  });
});

describe('kubectl/run-fields', () => {
  const pools = { name: ['box'], image: ['busybox'], words: ['["sleep", "3600"]'] };

  it.each([
    ['yes', 'command'],
    ['no', 'args'],
  ])('--command %s', (commandFlag, field) => {
    const variant = renderWith('kubectl/run-fields', { ...pools, commandFlag: [commandFlag], form: ['field'] });
    expect(variant.expected).toBe(field);
    expect(variant.prompt.includes('--command')).toBe(commandFlag === 'yes');
    expect(accepts(variant, `spec.containers[0].${field}`)).toBe(true);
  });

  it('yaml form compares structure', () => {
    const variant = renderWith('kubectl/run-fields', { ...pools, commandFlag: ['yes'], form: ['yaml'] });
    expect(variant.expected).toBe('command: ["sleep", "3600"]');
    expect(accepts(variant, 'command:\n- sleep\n- "3600"')).toBe(true);
    expect(accepts(variant, 'command: [sleep, 3600]')).toBe(false);
    expect(accepts(variant, 'args: ["sleep", "3600"]')).toBe(false);
  });

  it('choice shows the field', () => {
    const variant = renderWith('kubectl/run-fields', { ...pools, commandFlag: ['no'], form: ['choice'] });
    expect(variant.expected).toBe('`args: ["sleep", "3600"]`');
  });
});

describe('kubectl/create-fields', () => {
  it.each(['deployment', 'job', 'cronjob'])('%s fills command', (workload) => {
    const variant = renderWith('kubectl/create-fields', { workload: [workload], name: ['report'], image: ['busybox:1.36'], words: ['["date"]'], form: ['field'] });
    expect(variant.expected).toBe('command');
  });

  it('deployment container name', () => {
    const variant = renderWith('kubectl/create-fields', {
      workload: ['deployment'],
      name: ['report'],
      image: ['registry.example.com/team/worker:2.1'],
      words: ['["date"]'],
      form: ['container-name'],
    });
    expect(variant.expected).toBe('worker');
  });

  it('yaml form uses command', () => {
    const variant = renderWith('kubectl/create-fields', { workload: ['job'], name: ['j'], image: ['busybox'], words: ['["date"]'], form: ['yaml'] });
    expect(variant.expected).toBe('command: ["date"]');
    expect(accepts(variant, 'command: [date]')).toBe(true);
    expect(accepts(variant, 'args: [date]')).toBe(false);
  });

  it('cronjob line has schedule', () => {
    const variant = renderWith('kubectl/create-fields', { workload: ['cronjob'], name: ['c'], image: ['busybox'], words: ['["date"]'], form: ['field'] });
    expect(variant.prompt).toMatch(/--schedule=/);
  });
});

describe('build-tag-push', () => {
  const pools = { registry: ['registry.example.com:5000'], repository: ['team/api'], tag: ['1.4'] };
  const target = 'registry.example.com:5000/team/api:1.4';

  it.each(['docker', 'podman', 'buildah'])('%s build and push', (tool) => {
    const variant = renderWith(`build-tag-push/${tool}`, { ...pools, form: ['build-push'] });
    const build = `${tool} build -t ${target} .`;
    expect(variant.expected).toBe(`${build} && ${tool} push ${target}`);
    expect(accepts(variant, `${build}; ${tool} push ${target}`)).toBe(true);
    expect(accepts(variant, `${build}\n${tool} push ${target}`)).toBe(true);
    expect(accepts(variant, `${tool} build -t team/api:1.4 . && ${tool} push team/api:1.4`)).toBe(false);
  });

  it.each(['docker', 'podman', 'buildah'])('%s tag and push', (tool) => {
    const variant = renderWith(`build-tag-push/${tool}`, { ...pools, form: ['tag-push'] });
    expect(variant.expected).toBe(`${tool} tag api:1.4 ${target} && ${tool} push ${target}`);
    expect(variant.prompt).toMatch(/`api:1\.4`/);
  });

  it('compares commands by meaning', () => {
    const variant = renderWith('build-tag-push/docker', { ...pools, form: ['build-push'] });
    expect(accepts(variant, `docker build . --tag=${target}\ndocker image push ${target}`)).toBe(true);
    expect(accepts(variant, `docker build --push -t ${target} .`)).toBe(true);
    expect(accepts(variant, `docker build -t ${target}`)).toBe(false);
  });

  it('buildah accepts bud, not late flags', () => {
    const variant = renderWith('build-tag-push/buildah', { ...pools, form: ['build-push'] });
    expect(accepts(variant, `buildah bud -t ${target} . && buildah push ${target}`)).toBe(true);
    expect(accepts(variant, `buildah build . -t ${target} && buildah push ${target}`)).toBe(false);
  });

  it('docker push takes one name', () => {
    const variant = renderWith('build-tag-push/docker', { ...pools, form: ['tag-push'] });
    expect(accepts(variant, `docker push api:1.4 ${target}`)).toBe(false);
  });

  it('podman push to destination', () => {
    const variant = renderWith('build-tag-push/podman', { ...pools, form: ['tag-push'] });
    expect(accepts(variant, `podman push api:1.4 docker://${target}`)).toBe(true);
  });
});

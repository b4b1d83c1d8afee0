import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/domain/deck/shape';
import { gradeAnswer } from '../../../src/domain/grading/checkers';
import { isValidImageReference } from '../../../src/domain/generate/image-reference';
import { TEMPLATES } from '../../../src/domain/generate/registry';
import { renderVariant } from '../../../src/domain/generate/render';
import type { Variant } from '../../../src/domain/generate/render';
import { imageRefParts, imageRefValid } from '../../../src/domain/generate/templates/image-ref';
import { EXAMPLE_DIGEST } from '../../../src/domain/generate/templates/pools';

function renderWith(template: string, pools: Record<string, string[]>, reviewNumber = 0): Variant {
  return renderVariant('test-deck', { id: 'card', template, pools }, reviewNumber);
}

/** Strips the Markdown code span around a choice option. */
function optionText(text: string): string {
  return text.replace(/^`|`$/g, '');
}

function wrongOptions(variant: Variant): string[] {
  return (variant.choices ?? []).filter((choice) => !choice.correct).map((choice) => optionText(choice.text));
}

describe('image-ref/parts tag with a digest', () => {
  it.each([
    [`app:1.2@${EXAMPLE_DIGEST}`, '1.2'],
    [`registry.example.com:5000/team/api:1.4@${EXAMPLE_DIGEST}`, '1.4'],
    [`app@${EXAMPLE_DIGEST}`, 'none'],
    [`localhost:5000/app@${EXAMPLE_DIGEST}`, 'none'],
  ])('tag of %s is %s', (image, tag) => {
    const variant = renderWith('image-ref/parts', { image: [image], part: ['tag'], form: ['typed'] });
    expect(variant.expected).toBe(tag);
  });

  it('explanation separates tag and digest', () => {
    const variant = renderWith('image-ref/parts', { image: [`app:1.2@${EXAMPLE_DIGEST}`], part: ['tag'], form: ['typed'] });
    expect(variant.explanation).not.toMatch(/last `:`/);
    expect(variant.explanation).toContain('It ends at an `@`, after which comes the digest');
    expect(variant.explanation).toContain(`the digest is \`${EXAMPLE_DIGEST}\``);
    expect(variant.explanation).toContain('the tag is informational');
  });

  it('digest alone has no latest', () => {
    const variant = renderWith('image-ref/parts', { image: [`app@${EXAMPLE_DIGEST}`], part: ['tag'], form: ['typed'] });
    expect(variant.explanation).toContain('used only when there is neither a tag nor a digest');
  });

  it('canonical keeps tag and digest', () => {
    const variant = renderWith('image-ref/parts', { image: [`app:1.2@${EXAMPLE_DIGEST}`], part: ['canonical'], form: ['typed'] });
    expect(variant.expected).toBe(`docker.io/library/app:1.2@${EXAMPLE_DIGEST}`);
  });

  it('default pool has digest references', () => {
    const withDigest = imageRefParts.parameters.image.defaults.filter((image) => image.includes('@'));
    expect(withDigest).toContain(`app@${EXAMPLE_DIGEST}`);
    expect(withDigest.some((image) => /:[^/@]+@/.test(image))).toBe(true);
  });
});

describe('image-ref/parts distractors', () => {
  it('tag v3 offers no vv3', () => {
    for (let review = 0; review < 20; review++) {
      const variant = renderWith('image-ref/parts', { image: ['localhost:5000/team/app:v3'], part: ['tag'], form: ['choice'] }, review);
      expect(wrongOptions(variant)).not.toContain('vv3');
    }
  });

  it('tag distractors are real confusions', () => {
    const image = 'registry.example.com:5000/team/api:1.4';
    const confusions = new Set(['latest', 'none', '5000', 'registry.example.com:5000', '5000/team/api:1.4']);
    for (let review = 0; review < 20; review++) {
      const variant = renderWith('image-ref/parts', { image: [image], part: ['tag'], form: ['choice'] }, review);
      for (const option of wrongOptions(variant)) expect(confusions.has(option), option).toBe(true);
    }
  });

  it('digest offered as wrong tag', () => {
    const image = `app:1.2@${EXAMPLE_DIGEST}`;
    const seen = new Set<string>();
    for (let review = 0; review < 30; review++) {
      const variant = renderWith('image-ref/parts', { image: [image], part: ['tag'], form: ['choice'] }, review);
      for (const option of wrongOptions(variant)) seen.add(option);
    }
    expect(seen.has(EXAMPLE_DIGEST)).toBe(true);
    expect(seen.has('latest')).toBe(true);
  });

  it.each(imageRefParts.parameters.image.defaults)('canonical options for %s are valid references', (image) => {
    const variant = renderWith('image-ref/parts', { image: [image], part: ['canonical'], form: ['choice'] });
    for (const choice of variant.choices ?? []) expect(isValidImageReference(optionText(choice.text)), choice.text).toBe(true);
  });

  it.each(imageRefParts.parameters.image.defaults)('options for %s are distinct', (image) => {
    for (const part of ['registry', 'namespace', 'repository', 'tag', 'canonical']) {
      const variant = renderWith('image-ref/parts', { image: [image], part: [part], form: ['choice'] });
      const texts = (variant.choices ?? []).map((choice) => choice.text);
      expect(new Set(texts).size, part).toBe(texts.length);
      expect(texts.length, part).toBeGreaterThanOrEqual(2);
    }
  });

  it('canonical with a tag adds no second tag', () => {
    const variant = renderWith('image-ref/parts', { image: ['nginx:1.27-alpine'], part: ['canonical'], form: ['choice'] });
    expect(wrongOptions(variant)).not.toContain('nginx:1.27-alpine:latest');
  });
});

describe('kubectl/create-fields container name', () => {
  it.each(['job', 'cronjob'])('%s asks no container name', (workload) => {
    const variant = renderWith('kubectl/create-fields', {
      workload: [workload],
      name: ['report'],
      image: ['registry.example.com/team/worker:2.1'],
      words: ['["date"]'],
      form: ['container-name'],
    });
    expect(variant.expected).toBe('command');
    expect(variant.prompt).not.toMatch(/name of the container/);
    expect(variant.explanation).not.toMatch(/names the container/);
  });

  it.each(['job', 'cronjob'])('%s explanation states no naming rule', (workload) => {
    for (const form of ['field', 'choice', 'yaml']) {
      const variant = renderWith('kubectl/create-fields', { workload: [workload], name: ['report'], image: ['busybox:1.36'], words: ['["date"]'], form: [form] });
      expect(variant.explanation).not.toMatch(/named after|names the container/);
    }
  });

  it('deployment keeps container name', () => {
    const variant = renderWith('kubectl/create-fields', {
      workload: ['deployment'],
      name: ['report'],
      image: ['registry.example.com/team/worker:2.1'],
      words: ['["date"]'],
      form: ['container-name'],
    });
    expect(variant.expected).toBe('worker');
    expect(variant.explanation).toContain('names the container after the image');
  });
});

describe('argv/pod args-only explanations', () => {
  const pools = { cmd: ['["sh"]'], fields: ['args'], args: ['["sleep", "3600"]'], form: ['typed'] };

  it('no entrypoint', () => {
    const variant = renderWith('argv/pod', { ...pools, entrypoint: [''] });
    expect(variant.expected).toBe('["sleep", "3600"]');
    expect(variant.explanation).not.toMatch(/image ENTRYPOINT runs/);
    expect(variant.explanation).toContain('the image has no ENTRYPOINT');
    expect(variant.explanation).toContain('args[0] as the executable');
  });

  it('shell-form entrypoint', () => {
    const variant = renderWith('argv/pod', { ...pools, entrypoint: ['java -jar /app.jar'] });
    expect(variant.explanation).toContain('`$0`, `$1`');
    expect(variant.explanation).not.toMatch(/has no ENTRYPOINT/);
  });

  it('exec-form entrypoint', () => {
    const variant = renderWith('argv/pod', { ...pools, entrypoint: ['["/ep-1"]'] });
    expect(variant.expected).toBe('["/ep-1", "sleep", "3600"]');
    expect(variant.explanation).toContain('the image ENTRYPOINT runs with the Pod args in place of the image CMD');
    expect(variant.explanation).not.toMatch(/has no ENTRYPOINT|\$0/);
  });
});

describe('image-ref/valid taught rules', () => {
  it('rule text states only sourced rules', () => {
    const variant = renderWith('image-ref/valid', { image: ['myapp:1.0'], form: ['typed'] });
    expect(variant.explanation).toContain('Repository path components must be lowercase');
    expect(variant.explanation).toContain('`[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`');
    expect(variant.explanation).toContain('`algorithm:hex`');
    expect(variant.explanation).not.toMatch(/separated by|one or two `_`|lowercase hex/);
  });

  it.each(['my___app:1', 'my__app__x_:1', 'MyReg/app:1', `app@sha256:${'A'.repeat(64)}`, `app@md5:${'a'.repeat(32)}`, 'a'.repeat(300)])('pool rejects %s', (image) => {
    expect(check(imageRefValid.parameters.image.item, image).problems).not.toEqual([]);
  });

  it.each(imageRefValid.parameters.image.defaults)('default %s has a taught verdict', (image) => {
    const variant = renderWith('image-ref/valid', { image: [image], form: ['typed'] });
    expect(variant.explanation).not.toMatch(/breaks the reference grammar/);
    expect(variant.expected).toBe(isValidImageReference(image) ? 'valid' : 'invalid');
  });

  it('default pool drops separator cases', () => {
    for (const image of ['my_app:1', 'my__app:1', 'my___app:1', 'my-app--v2:1']) expect(imageRefValid.parameters.image.defaults).not.toContain(image);
  });
});

describe('command answers use the command checker', () => {
  const COMMAND = /^(docker|podman|buildah|kubectl|k)\s/;

  it.each(TEMPLATES.map((template) => template.id))('%s', (id) => {
    for (let review = 0; review < 100; review++) {
      const variant = renderVariant('test-deck', { id: 'card', template: id }, review);
      if (!COMMAND.test(variant.expected) || variant.choices) continue;
      expect(variant.checker.kind, `review ${review}: ${variant.expected}`).toBe('command');
    }
  });

  it('build-tag-push grades by meaning', () => {
    const variant = renderWith('build-tag-push/podman', { registry: ['quay.io'], repository: ['acme/api'], tag: ['1.4'], form: ['tag-push'] });
    expect(variant.checker.kind).toBe('command');
    expect(gradeAnswer(variant.checker, 'podman tag api:1.4 quay.io/acme/api:1.4\npodman image push quay.io/acme/api:1.4').correct).toBe(true);
  });
});

describe('argv shell-form entrypoint with ignored words', () => {
  const dockerfilePools = { base: [''], entrypoint: ['java -jar /app.jar'], cmd: ['["--port", "8080"]'] };
  const bare = '["/bin/sh", "-c", "java -jar /app.jar"]';

  it.each(['typed', 'choice'])('argv/dockerfile %s prompt asks for every string', (form) => {
    const variant = renderWith('argv/dockerfile', { ...dockerfilePools, form: [form] });
    expect(optionText(variant.expected)).toBe('["/bin/sh", "-c", "java -jar /app.jar", "--port", "8080"]');
    expect(variant.prompt).toContain('Count every string the process receives, including any that a shell ignores.');
  });

  it('argv/pod prompt asks for every string', () => {
    const variant = renderWith('argv/pod', { entrypoint: ['["/ep-1"]'], cmd: [''], fields: ['args'], args: ['["zoo"]'], form: ['typed'] });
    expect(variant.prompt).toContain('Count every string the process receives, including any that a shell ignores.');
  });

  it('argv/dockerfile offers no bare shell entrypoint', () => {
    for (const cmd of ['["--port", "8080"]', 'python app.py', '["foo", "bar"]']) {
      for (let review = 0; review < 40; review++) {
        const variant = renderWith('argv/dockerfile', { ...dockerfilePools, cmd: [cmd], form: ['choice'] }, review);
        expect(wrongOptions(variant), `${cmd} review ${review}`).not.toContain(bare);
      }
    }
  });

  it.each(['neither', 'args'])('argv/pod %s offers no bare shell entrypoint', (fields) => {
    for (let review = 0; review < 40; review++) {
      const variant = renderWith('argv/pod', { entrypoint: ['java -jar /app.jar'], cmd: ['["--port", "8080"]'], fields: [fields], args: ['["--debug"]'], form: ['choice'] }, review);
      expect(wrongOptions(variant), `review ${review}`).not.toContain(bare);
    }
  });

  it('bare entrypoint is right without words', () => {
    const variant = renderWith('argv/dockerfile', { ...dockerfilePools, cmd: [''], form: ['choice'] });
    expect(variant.expected).toBe(`\`${bare}\``);
  });

  it('command-only still offers the image entrypoint', () => {
    const seen = new Set<string>();
    for (let review = 0; review < 40; review++) {
      const variant = renderWith('argv/pod', { entrypoint: ['java -jar /app.jar'], cmd: [''], fields: ['command'], command: ['["sleep", "3600"]'], form: ['choice'] }, review);
      for (const text of wrongOptions(variant)) seen.add(text);
    }
    expect(seen.has(bare)).toBe(true);
  });
});

describe('argv exec-form wording', () => {
  it.each([
    ['["/ep-1"]', '["foo", "bar"]'],
    ['java -jar /app.jar', '["foo", "bar"]'],
    ['', '["python", "app.py"]'],
  ])('ENTRYPOINT %s with CMD %s', (entrypoint, cmd) => {
    const variant = renderWith('argv/dockerfile', { base: [''], entrypoint: [entrypoint], cmd: [cmd], form: ['typed'] });
    expect(variant.explanation).toContain('CMD is in exec form (a JSON array), so its strings are used as written, without a shell.');
    expect(variant.explanation).not.toContain('so it runs as written');
  });
});

describe('build-tag-push image names', () => {
  it('podman tag-push accepts localhost source', () => {
    const variant = renderWith('build-tag-push/podman', { registry: ['ghcr.io'], repository: ['web'], tag: ['1.0.3-rc1'], form: ['tag-push'] });
    const answer = 'podman tag localhost/web:1.0.3-rc1 ghcr.io/web:1.0.3-rc1 && podman push ghcr.io/web:1.0.3-rc1';
    expect(gradeAnswer(variant.checker, answer).correct).toBe(true);
  });

  it('docker tag-push accepts docker.io source', () => {
    const variant = renderWith('build-tag-push/docker', { registry: ['ghcr.io'], repository: ['team/api'], tag: ['1.4'], form: ['tag-push'] });
    const answer = 'docker tag docker.io/library/api:1.4 ghcr.io/team/api:1.4 && docker push ghcr.io/team/api:1.4';
    expect(gradeAnswer(variant.checker, answer).correct).toBe(true);
  });

  it('tag-push still rejects a wrong target', () => {
    const variant = renderWith('build-tag-push/docker', { registry: ['ghcr.io'], repository: ['team/api'], tag: ['1.4'], form: ['tag-push'] });
    expect(gradeAnswer(variant.checker, 'docker tag api:1.4 ghcr.io/api:1.4 && docker push ghcr.io/api:1.4').correct).toBe(false);
    expect(gradeAnswer(variant.checker, 'docker tag api:1.4 ghcr.io/team/api && docker push ghcr.io/team/api').correct).toBe(false);
  });

  it.each(['docker', 'podman', 'buildah'])('%s build-push asks for the name at build', (tool) => {
    const variant = renderWith(`build-tag-push/${tool}`, { registry: ['ghcr.io'], repository: ['team/api'], tag: ['v2'], form: ['build-push'] });
    expect(variant.prompt).toContain('Give the image its full registry name in the build command, so that no separate `tag` step is needed.');
    expect(variant.prompt).toContain('under the repository path `team/api` with tag `v2`');
    expect(variant.prompt).not.toContain('as repository');
  });

  it.each(['docker', 'podman', 'buildah'])('%s tag-push names the repository path', (tool) => {
    const variant = renderWith(`build-tag-push/${tool}`, { registry: ['ghcr.io'], repository: ['team/api'], tag: ['v2'], form: ['tag-push'] });
    expect(variant.prompt).toContain('under the repository path `team/api` with tag `v2`');
    expect(variant.prompt).not.toContain('`team/api:v2`');
  });
});

describe('image-ref/parts registry reason', () => {
  it.each([
    ['ghcr.io/acme/tools/cli:0.9.1', '`ghcr.io` contains `.`, so it names the registry host.'],
    ['localhost/app:1', '`localhost` is exactly `localhost`, so it names the registry host.'],
    ['localhost:5000/app', '`localhost:5000` contains `:`, so it names the registry host, port included.'],
    ['registry.example.com:5000/team/api:1.4', '`registry.example.com:5000` contains `.` and `:`, so it names the registry host, port included.'],
  ])('%s names the condition that holds', (image, sentence) => {
    const variant = renderWith('image-ref/parts', { image: [image], part: ['registry'], form: ['typed'] });
    expect(variant.explanation).toContain(sentence);
    expect(variant.explanation).not.toMatch(/contains `.` or `:` or is `localhost`, so/);
  });
});

describe('image-ref/parts tag question', () => {
  it.each([
    ['nginx', 'latest'],
    ['localhost:5000/app', 'latest'],
    [`app@${EXAMPLE_DIGEST}`, 'none'],
  ])('%s asks for the filled-in tag', (image, tag) => {
    const variant = renderWith('image-ref/parts', { image: [image], part: ['tag'], form: ['typed'] });
    expect(variant.prompt).toContain('refer to once the defaults are filled in?');
    expect(variant.prompt).toContain('Answer `none` only if the reference has a digest and no tag.');
    expect(variant.expected).toBe(tag);
  });
});

describe('image-ref/valid long tags', () => {
  it.each([
    [128, 'valid'],
    [129, 'invalid'],
  ])('%i-character tag gets its length', (length, expected) => {
    const variant = renderWith('image-ref/valid', { image: [`app:${'v'.repeat(length)}`], form: ['typed'] });
    expect(variant.prompt).toContain(`Its tag, after the \`:\`, is ${length} characters long.`);
    expect(variant.expected).toBe(expected);
  });

  it('too long tag names its length', () => {
    const variant = renderWith('image-ref/valid', { image: [`app:${'v'.repeat(129)}`], form: ['typed'] });
    expect(variant.explanation).toContain('the tag has 129 characters, more than the 128 that');
  });

  it.each(['app:v1.0_RC1', `app@${EXAMPLE_DIGEST}`, `app:latest@${EXAMPLE_DIGEST}`, 'localhost:5000/app'])('%s gets no length note', (image) => {
    const variant = renderWith('image-ref/valid', { image: [image], form: ['typed'] });
    expect(variant.prompt).not.toContain('characters long');
  });
});

describe('pull-policy/effective behaviour options', () => {
  const statements = {
    resolve: 'The kubelet asks the registry which digest the name points to, and pulls only when no local image has that digest.',
    pull: 'The kubelet pulls the image from the registry.',
  };

  it.each([
    ['Always', statements.resolve, statements.pull],
    ['', statements.resolve, statements.pull],
    ['IfNotPresent', statements.pull, statements.resolve],
  ])('policy %j on a node without the image', (policy, correct, alsoTrue) => {
    for (let review = 0; review < 20; review++) {
      const variant = renderWith('pull-policy/effective', { image: ['nginx'], policy: [policy], form: ['behaviour'], onNode: ['no'] }, review);
      const texts = (variant.choices ?? []).map((choice) => choice.text);
      expect(variant.expected).toBe(policy === 'IfNotPresent' ? correct : statements.resolve);
      expect(texts).toContain(correct);
      expect(texts, `review ${review}`).not.toContain(alsoTrue);
    }
  });

  it('image on the node keeps four options', () => {
    const variant = renderWith('pull-policy/effective', { image: ['nginx'], policy: ['Always'], form: ['behaviour'], onNode: ['yes'] });
    expect(variant.choices).toHaveLength(4);
  });
});

describe('pull-policy latest tag with digest', () => {
  it('explanation keeps the digest rule', () => {
    const variant = renderWith('pull-policy/default', { image: [`app:latest@${EXAMPLE_DIGEST}`], form: ['typed'] });
    expect(variant.expected).toBe('Always');
    expect(variant.explanation).toContain('when a tag is written, the digest does not change the default');
    expect(variant.explanation).not.toContain('depends on the tag alone');
  });
});

describe('kubectl field prompts and explanations', () => {
  const words = '["sh", "-c", "echo hello; sleep 3600"]';

  it('run-fields prompt shows the argv', () => {
    const variant = renderWith('kubectl/run-fields', { name: ['box'], image: ['busybox'], commandFlag: ['no'], words: [words], form: ['field'] });
    expect(variant.prompt).toContain(`holds the words \`${words}\`?`);
    expect(variant.prompt).not.toContain('`sh -c echo hello; sleep 3600`');
  });

  it('create-fields prompt shows the argv', () => {
    const variant = renderWith('kubectl/create-fields', { workload: ['job'], name: ['report'], image: ['busybox:1.36'], words: [words], form: ['field'] });
    expect(variant.prompt).toContain(`holds the words \`${words}\`?`);
  });

  it('run-fields says command drops CMD', () => {
    const variant = renderWith('kubectl/run-fields', { name: ['box'], image: ['busybox'], commandFlag: ['yes'], words: ['["date"]'], form: ['field'] });
    expect(variant.explanation).toContain('`command` replaces the ENTRYPOINT, and without `args` the image CMD is then ignored too.');
  });

  it('create-fields says command drops both', () => {
    const variant = renderWith('kubectl/create-fields', { workload: ['deployment'], name: ['report'], image: ['busybox:1.36'], words: ['["date"]'], form: ['field'] });
    expect(variant.explanation).toContain('With only `command` set, the image ENTRYPOINT and CMD are both ignored.');
  });
});

describe('docs describe every template', () => {
  const docs = readFileSync(new URL('../../../docs/decks.md', import.meta.url), 'utf8');
  const templateSection = docs.slice(docs.indexOf('## Question templates'), docs.indexOf('## Checking a deck'));

  /** Returns the text under the `###` heading that names this template id. */
  function sectionOf(id: string): string {
    const sections = templateSection.split('\n### ').slice(1);
    return sections.find((section) => section.split('\n')[0]!.split(', ').includes(id)) ?? '';
  }

  it.each(TEMPLATES.map((template) => template.id))('%s has a section', (id) => {
    expect(sectionOf(id)).not.toBe('');
    expect(sectionOf(id)).toContain('```json');
  });

  it.each(TEMPLATES.flatMap((template) => Object.keys(template.parameters).map((name) => [template.id, name])))('%s parameter %s', (id, name) => {
    expect(sectionOf(id)).toContain(`\`${name}\``);
  });
});

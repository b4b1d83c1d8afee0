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

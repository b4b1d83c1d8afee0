/** Every question template, by id, and the deck shape of a template's parameter pools. */

import { array, object, optional } from '../deck/shape';
import type { Shape } from '../deck/shape';
import type { AnyTemplate, Template } from './template';
import { argvDockerfile, argvPod } from './templates/argv';
import { buildTagPushBuildah, buildTagPushDocker, buildTagPushPodman } from './templates/build-push';
import { imageRefParts, imageRefValid } from './templates/image-ref';
import { kubectlCreateFields, kubectlRunFields } from './templates/kubectl';
import { pullPolicyDefault, pullPolicyEffective } from './templates/pull-policy';

/** Widens a template's parameter type so templates can share one table. */
const erase = <P extends string>(template: Template<P>): AnyTemplate => template as unknown as AnyTemplate;

/** Every template, in the order the JSON Schema lists them. */
export const TEMPLATES: readonly AnyTemplate[] = [
  erase(pullPolicyDefault),
  erase(pullPolicyEffective),
  erase(imageRefParts),
  erase(imageRefValid),
  erase(argvDockerfile),
  erase(argvPod),
  erase(kubectlRunFields),
  erase(kubectlCreateFields),
  erase(buildTagPushDocker),
  erase(buildTagPushPodman),
  erase(buildTagPushBuildah),
];

const BY_ID = new Map(TEMPLATES.map((template) => [template.id, template]));

/** Returns the template with this id, or undefined when there is none. */
export function findTemplate(id: string): AnyTemplate | undefined {
  return BY_ID.get(id);
}

/** Pools as a deck gives them: parameter name to a non-empty list of entries. */
export type Pools = { readonly [parameter: string]: readonly string[] | undefined };

/**
 * Returns the shape of a template's `pools` object: each parameter optional, each pool a non-empty list
 * checked entry by entry. Unknown parameter names are problems.
 */
export function poolsShape(template: AnyTemplate): Shape<Pools> {
  const fields = Object.fromEntries(
    Object.entries(template.parameters).map(([name, declared]) => [name, optional(array(declared.item, { minItems: 1 }))]),
  );
  return object(fields, { description: `Pools for ${template.id}; each parameter left out uses its defaults.` }) as Shape<Pools>;
}

import { compileTool } from '../parse';
import type { CompiledTool } from '../parse';
import { dockerGrammar } from './docker';
import { kubectlGrammar } from './kubectl';
import { buildahGrammar, podmanGrammar } from './podman';

/** Every tool grammar, compiled once and looked up by the word that runs it (`k` included). */
export const TOOLS: ReadonlyMap<string, CompiledTool> = new Map(
  [dockerGrammar, podmanGrammar, buildahGrammar, kubectlGrammar].flatMap((grammar) => {
    const compiled = compileTool(grammar);
    return grammar.names.map((name) => [name, compiled] as const);
  }),
);

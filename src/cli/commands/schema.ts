import { deckJsonSchema } from '../../domain/deck/format';
import type { Command } from '../command';

export const schemaCommand: Command = {
  usage: 'schema',
  summary: 'Print the deck JSON Schema (the same as schema/deck.schema.json).',
  async run(_args, io) {
    io.stdout.write(`${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
    return 0;
  },
};

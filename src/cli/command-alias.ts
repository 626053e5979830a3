import type { OperationName } from '../../generated/operations.js';
import type { FlagStyle } from './flag-name.js';

/**
 * Friendly verbs for the seven operations. With an alias the CLI speaks kebab case
 * (`live-relay update --task-id X`); with the vendor action name it speaks the vendor's
 * (`live-relay UpdateLivePullToPush --TaskId X`). Either form accepts either spelling.
 */
export const commandAliases = {
  create: 'CreateLivePullToPush',
  update: 'UpdateLivePullToPush',
  describe: 'DescribeLivePullToPush',
  list: 'DescribeLivePullToPushList',
  stop: 'StopLivePullToPush',
  restart: 'RestartLivePullToPush',
  delete: 'DeleteLivePullToPush',
} as const satisfies Record<string, OperationName>;

export type CommandAlias = keyof typeof commandAliases;

/** An operation named on the command line, and the flag spelling that command speaks. */
export interface ResolvedCommand {
  readonly action: OperationName;
  readonly style: FlagStyle;
  /** The word the user typed, for messages (`update`, `UpdateLivePullToPush`). */
  readonly word: string;
}

/** Resolves a command word to an operation, or `undefined` when it names none. */
export function resolveCommand(word: string, actions: readonly OperationName[]): ResolvedCommand | undefined {
  if (Object.hasOwn(commandAliases, word)) {
    return { action: commandAliases[word as CommandAlias], style: 'kebab', word };
  }
  const action = actions.find((name) => name === word);
  return action === undefined ? undefined : { action, style: 'vendor', word };
}

/** The alias of an action (`UpdateLivePullToPush` → `update`). */
export function aliasOf(action: OperationName): CommandAlias | undefined {
  return (Object.keys(commandAliases) as CommandAlias[]).find((alias) => commandAliases[alias] === action);
}

import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { ConversationKey } from './conversationKey';

/**
 * Conversation state stored under a keyed hash of the conversation id: on SMS that id is a phone
 * number, and storage keys end up in blob names and storage error messages.
 */
export class HashedConversationState extends ConversationState {
  constructor(
    storage: Storage,
    private readonly conversationKey: ConversationKey,
  ) {
    super(storage);
  }

  override getStorageKey(context: TurnContext): string {
    return `conversation/${this.conversationKey(context.activity)}`;
  }
}

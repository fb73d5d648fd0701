import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Replies } from '../src/composeReplies';
import { NONE_OF_THESE, type Choice, type Reply } from '../src/reply';
import type { Responder } from '../src/respond';
import { recognizeChoice } from './recognizeChoice';

export type ReplySender = (context: TurnContext, reply: Reply) => Promise<void>;

export interface FaqDialogOptions {
  /** Send this reply instead of answering the incoming text (used for the welcome). */
  readonly reply?: Reply;
}

interface FaqDialogState {
  choices?: Choice[];
}

/**
 * The FAQ conversation. A turn answers, clarifies or falls back; when the reply offers choices,
 * the dialog stays active for one more turn so that a label, a button or a number picks one.
 * Anything else typed then is answered as a new question, never re-prompted.
 */
export class FaqDialog extends Dialog<FaqDialogOptions> {
  static readonly ID = 'faq';

  constructor(
    private readonly respond: Responder,
    private readonly replies: Replies,
    private readonly send: ReplySender,
  ) {
    super(FaqDialog.ID);
  }

  override async beginDialog(
    dc: DialogContext,
    options?: FaqDialogOptions,
  ): Promise<DialogTurnResult> {
    return this.finish(dc, options?.reply ?? this.respond(dc.context.activity.text ?? ''));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as FaqDialogState | undefined;
    const text = dc.context.activity.text ?? '';
    const picked = recognizeChoice(text, state?.choices ?? []);
    if (!picked) return this.finish(dc, this.respond(text));
    return this.finish(
      dc,
      picked.value === NONE_OF_THESE
        ? this.replies.noneOfThese()
        : this.replies.answer(picked.value),
    );
  }

  private async finish(dc: DialogContext, reply: Reply): Promise<DialogTurnResult> {
    await this.send(dc.context, reply);
    if (reply.choices.length === 0) return dc.endDialog();
    (dc.activeDialog?.state as FaqDialogState).choices = [...reply.choices];
    return Dialog.EndOfTurn;
  }
}

import {
  ActivityHandler,
  TurnContext,
  type ConversationState,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { FaqDialog, type ReplySender } from '../dialogs/faqDialog';
import { renderReply } from '../dialogs/renderReply';
import type { Replies } from './composeReplies';
import type { Reply } from './reply';
import type { Responder } from './respond';
import type { ConversationKey } from './conversationKey';
import type { Risk, SafetyCheck } from './safetyCheck';

/** What a conversation remembers between turns: flags only, never anything a person typed. */
export interface ConversationFlags {
  welcomed?: boolean;
  noticeShown?: boolean;
  /** Set by a crisis reply; never cleared while the conversation lasts. */
  hadCrisis?: boolean;
}

export interface BotDependencies {
  readonly conversationState: ConversationState;
  readonly respond: Responder;
  readonly replies: Replies;
  readonly logger: Logger;
  readonly conversationKey: ConversationKey;
  readonly checkSafety: SafetyCheck;
  /** Sees each turn's reply; the maintainer's tools use it to read decisions. */
  readonly observe?: (reply: Reply) => void;
}

const REPLY_KEY = Symbol('reply');
const CONCERN_KEY = Symbol('concern');

/** The Bot Framework edge: it routes activities, keeps state and logs one line per turn. */
export class FaqBot extends ActivityHandler {
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.flags = deps.conversationState.createProperty('flags');
    this.dialogState = deps.conversationState.createProperty('dialogState');
    // Not runDialog: it loads every memory scope and sends a state trace that echoes the
    // person's message back to the channel on every turn.
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new FaqDialog(deps.respond, deps.replies, this.sendReply));
    this.onMessage(async (context, next) => {
      context.activity.text = TurnContext.removeRecipientMention(context.activity) ?? '';
      const text = context.activity.text;
      // Safety comes first: a pending "did you mean" must never read a crisis as a choice.
      const risk = this.deps.checkSafety(text);
      const pending = await this.hasPendingChoice(context);
      if (risk.level === 'crisis') {
        if (pending) await this.dialogState.delete(context);
        await this.sendReply(context, this.deps.replies.crisis(risk));
        return next();
      }
      if (risk.level === 'concern') context.turnState.set(CONCERN_KEY, risk);
      if (pending) {
        const dc = await this.dialogs.createContext(context);
        await dc.continueDialog();
        return next();
      }
      // A plain question pays for the dialog machinery only when its reply offers choices.
      const reply = this.deps.respond(text);
      if (reply.choices.length === 0) await this.sendReply(context, reply);
      else await (await this.dialogs.createContext(context)).beginDialog(FaqDialog.ID, { reply });
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const flags = await this.flags.get(context, {});
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id !== context.activity.recipient.id,
      );
      if (joined && !flags.welcomed) {
        flags.welcomed = true;
        const dc = await this.dialogs.createContext(context);
        await dc.cancelAllDialogs();
        await dc.beginDialog(FaqDialog.ID, {
          reply: this.deps.replies.welcome(context.activity.channelId),
        });
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    await super.run(context);
    // Saved even when unchanged, so that state expires after idle time, not after its last change.
    await this.deps.conversationState.saveChanges(context, true);
    const reply = context.turnState.get(REPLY_KEY) as Reply | undefined;
    if (!reply) return;
    this.deps.observe?.(reply);
    this.deps.logger.info(
      {
        channel: context.activity.channelId,
        conversation: this.deps.conversationKey(context.activity),
        outcome: reply.outcome,
        entryId: reply.entryId,
        choices: reply.choices.length > 0 ? reply.choices.map((c) => c.value) : undefined,
        score: reply.score,
        risk: reply.risk?.level === 'none' ? undefined : reply.risk?.level,
        riskKind: reply.risk?.level === 'none' ? undefined : reply.risk?.kind,
        ms: Math.round((performance.now() - started) * 100) / 100,
      },
      'turn',
    );
  }

  private async hasPendingChoice(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack.length ?? 0) > 0;
  }

  private readonly sendReply: ReplySender = async (context, reply) => {
    const flags = await this.flags.get(context, {});
    const crisis = reply.outcome === 'crisis';
    const notice =
      flags.noticeShown || reply.outcome === 'welcome'
        ? []
        : [this.deps.replies.notice(context.activity.channelId)];
    const concern = context.turnState.get(CONCERN_KEY) as Risk | undefined;
    const remind = !crisis && (flags.hadCrisis === true || concern !== undefined);
    flags.noticeShown = true;
    flags.hadCrisis = flags.hadCrisis === true || crisis;
    const shown = concern && !reply.risk ? { ...reply, risk: concern } : reply;
    context.turnState.set(REPLY_KEY, shown);
    const activities = crisis
      ? renderReply(reply, context.activity.channelId, [], notice[0])
      : renderReply(
          reply,
          context.activity.channelId,
          notice,
          remind ? this.deps.replies.reminder() : undefined,
        );
    await context.sendActivities(activities);
  };
}

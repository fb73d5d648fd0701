import {
  ActivityHandler,
  TurnContext,
  type ConversationState,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { FaqDialog, type ReplySender } from '../dialogs/faqDialog';
import { renderReply } from '../dialogs/renderReply';
import type { Replies } from './composeReplies';
import type { Reply } from './reply';
import type { Responder } from './respond';
import type { IdHasher } from './hashId';
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
  readonly hashId: IdHasher;
  readonly checkSafety: SafetyCheck;
  /** Sees each turn's reply; the maintainer's tools use it to read decisions. */
  readonly observe?: (reply: Reply) => void;
}

const REPLY_KEY = Symbol('reply');
const CONCERN_KEY = Symbol('concern');

/** The Bot Framework edge: it routes activities, keeps state and logs one line per turn. */
export class FaqBot extends ActivityHandler {
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: BotDependencies) {
    super();
    this.flags = deps.conversationState.createProperty('flags');
    // Not runDialog: it loads every memory scope and sends a state trace that echoes the
    // person's message back to the channel on every turn.
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new FaqDialog(deps.respond, deps.replies, this.sendReply));
    this.onMessage(async (context, next) => {
      context.activity.text = TurnContext.removeRecipientMention(context.activity) ?? '';
      const dc = await this.dialogs.createContext(context);
      // Safety comes first: a pending "did you mean" must never read a crisis as a choice.
      const risk = this.deps.checkSafety(context.activity.text);
      if (risk.level === 'crisis') {
        await dc.cancelAllDialogs();
        await this.sendReply(context, this.deps.replies.crisis(risk));
        return next();
      }
      if (risk.level === 'concern') context.turnState.set(CONCERN_KEY, risk);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(FaqDialog.ID);
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
        conversation: this.deps.hashId(context.activity.conversation?.id ?? ''),
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

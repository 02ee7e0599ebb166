import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type Handler<Args> = (args: AllMiddlewareArgs & Args) => Promise<unknown>;

/** Handlers by the id Slack sends: an exact id first, then the patterns in the order added. */
export class RouteTable<Args> {
  readonly #exact = new Map<string, Handler<Args>>();
  readonly #patterns: { pattern: RegExp; handler: Handler<Args> }[] = [];

  add(id: string | RegExp, handler: Handler<Args>): void {
    if (typeof id !== 'string') {
      this.#patterns.push({ pattern: id, handler });
      return;
    }
    if (this.#exact.has(id)) throw new Error(`two handlers for ${id}`);
    this.#exact.set(id, handler);
  }

  /** Every id and pattern handled, in the order added. */
  ids(): (string | RegExp)[] {
    return [...this.#exact.keys(), ...this.#patterns.map(({ pattern }) => pattern)];
  }

  find(id: string): Handler<Args> | undefined {
    return this.#exact.get(id) ?? this.#patterns.find(({ pattern }) => pattern.test(id))?.handler;
  }
}

/**
 * Every listener of the bot, registered with Bolt as one listener per kind of request.
 *
 * Why not one Bolt listener per handler: Bolt hands every request to every listener registered.
 * Each one copies its middleware and runs its own matchers, and Bolt keeps all of those promises
 * until the slowest listener (the one doing the request's work) is done. With 36 listeners that
 * was a third of what survived the young-generation collections on the thread that acks. Here a
 * request runs five short chains, and one lookup finds its handler.
 *
 * A request no handler knows (an old button, a command renamed) does nothing, as before: the
 * GuardedApp acks it once the listeners are done.
 */
export class Routes {
  readonly #commands = new RouteTable<SlackCommandMiddlewareArgs>();
  readonly #actions = new RouteTable<SlackActionMiddlewareArgs<BlockAction>>();
  readonly #views = new RouteTable<SlackViewMiddlewareArgs<ViewSubmitAction>>();
  readonly #events = new RouteTable<SlackEventMiddlewareArgs>();
  readonly #messageShortcuts = new RouteTable<SlackShortcutMiddlewareArgs<MessageShortcut>>();

  /** A slash command, by its name (`/praise`). */
  command(name: string, handler: Handler<SlackCommandMiddlewareArgs>): void {
    this.#commands.add(name, handler);
  }

  /** A Block Kit button or menu, by its action_id. */
  action(actionId: string | RegExp, handler: Handler<SlackActionMiddlewareArgs<BlockAction>>): void {
    this.#actions.add(actionId, handler);
  }

  /** A modal's submission, by its callback_id. */
  view(callbackId: string, handler: Handler<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    this.#views.add(callbackId, handler);
  }

  /** An Events API event, by its type. */
  event<Type extends string>(type: Type, handler: Handler<SlackEventMiddlewareArgs<Type>>): void {
    // The table is keyed by the event's type, so the handler only ever gets that type's args.
    this.#events.add(type, handler as Handler<SlackEventMiddlewareArgs>);
  }

  /** A message shortcut, by its callback_id. */
  messageShortcut(callbackId: string, handler: Handler<SlackShortcutMiddlewareArgs<MessageShortcut>>): void {
    this.#messageShortcuts.add(callbackId, handler);
  }

  /** What is handled, by kind (manifest.yml must declare the commands, events and shortcuts). */
  handled() {
    return {
      commands: this.#commands.ids(),
      actions: this.#actions.ids(),
      views: this.#views.ids(),
      events: this.#events.ids(),
      messageShortcuts: this.#messageShortcuts.ids(),
    };
  }

  registerOn(app: App): void {
    app.command(/^/, async (args) => {
      await this.#commands.find(args.command.command)?.(args);
    });
    app.action({ type: 'block_actions' }, async (args) => {
      await this.#actions.find(args.action.action_id)?.(args);
    });
    app.view({ type: 'view_submission' }, async (args) => {
      // Bolt's types do not narrow the view by the constraint's type; the constraint does.
      const submission = args as AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
      await this.#views.find(submission.view.callback_id)?.(submission);
    });
    app.event(/^/, async (args) => {
      await this.#events.find(args.event.type)?.(args);
    });
    app.shortcut({ type: 'message_action' }, async (args) => {
      await this.#messageShortcuts.find(args.shortcut.callback_id)?.(args);
    });
  }
}

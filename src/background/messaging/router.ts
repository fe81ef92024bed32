import type browser from 'webextension-polyfill';
import type { z } from 'zod';
import {
  ContentToBackgroundSchema,
  type ContentToBackground,
  type PopupToBackground,
  PopupToBackgroundSchema,
  type ErrorReply,
  type Reply,
  type ToBackground,
} from '../../shared/messages';
import { t } from '../../shared/i18n';
import { RequestError } from '../request';
import type { HandlerContext, HandlerMap } from '../handler-map';
import type { TeamPort } from '../team-port';
import { classifySender } from './sender';

/** Field paths quoted in an "invalid request" error; more would only bury the first one. */
const MAX_REPORTED_ISSUES = 3;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => (issue.path.length > 0 ? issue.path.join('.') : 'type'))
    .join(', ');
}

function invalidRequest(error: z.ZodError): RequestError {
  return new RequestError('invalid-request', 'errorInvalidRequest', [describeIssues(error)]);
}

function errorReply(error: RequestError): ErrorReply {
  return { ok: false, error: { code: error.code, message: t(error.messageKey, error.substitutions) } };
}

/** Runs the handler registered for the message's type; the map's type guarantees there is one. */
function dispatch<M extends ToBackground>(
  handlers: HandlerMap<M>,
  message: M,
  context: HandlerContext,
): Promise<unknown> {
  const handler = handlers[message.type as M['type']] as (
    message: M,
    context: HandlerContext,
  ) => Promise<unknown>;
  return handler(message, context);
}

/** The worker's handlers, one per message type of each sender's protocol. */
export interface Handlers {
  content: HandlerMap<ContentToBackground>;
  popup: HandlerMap<PopupToBackground>;
}

/**
 * The router: validates one incoming message against the protocol of its sender's kind and runs its
 * handler. Content scripts may only use the content protocol; anything malformed is refused unchanged.
 */
export function createRouter(handlers: Handlers, team: TeamPort) {
  return async function routeMessage(
    raw: unknown,
    sender: browser.Runtime.MessageSender,
    now: number,
  ): Promise<Reply<ToBackground['type']>> {
    try {
      const from = classifySender(sender);
      if (from.kind === 'unknown') throw new RequestError('forbidden');
      let data: unknown;
      if (from.kind === 'content') {
        const parsed = ContentToBackgroundSchema.safeParse(raw);
        if (!parsed.success) {
          // A content script asking for a popup-only operation is refused, not just "malformed".
          if (PopupToBackgroundSchema.safeParse(raw).success) throw new RequestError('forbidden');
          throw invalidRequest(parsed.error);
        }
        data = await dispatch(handlers.content, parsed.data, { tabId: from.tabId, now, team });
      } else {
        const parsed = PopupToBackgroundSchema.safeParse(raw);
        if (!parsed.success) throw invalidRequest(parsed.error);
        const tabId = sender.tab?.id;
        data = await dispatch(handlers.popup, parsed.data, {
          ...(tabId === undefined ? {} : { tabId }),
          now,
          team,
        });
      }
      return { ok: true, data } as Reply<ToBackground['type']>;
    } catch (error) {
      if (error instanceof RequestError) return errorReply(error);
      console.error('Page Outreach: request failed', error);
      return errorReply(new RequestError('internal'));
    }
  };
}

import { z } from 'zod';

// Extension CSPs forbid eval: without this, zod probes `new Function` and every extension page
// reports a securitypolicyviolation on its first parse.
z.config({ jitless: true });

/**
 * One message of the protocol: its type, what the request carries and what the reply carries when it
 * succeeds, in one definition. Requests are parsed by the background; the reply's schema is the only
 * source of its type (ReplyOf), and tests check replies against it.
 */
export interface MessageDefinition<
  Type extends string = string,
  Request extends z.ZodObject = z.ZodObject,
  Reply extends z.ZodType = z.ZodType,
> {
  type: Type;
  request: Request;
  reply: Reply;
}

export function defineMessage<
  const Type extends string,
  Shape extends z.ZodRawShape,
  Reply extends z.ZodType,
>(type: Type, request: Shape, reply: Reply) {
  return { type, request: z.strictObject({ type: z.literal(type), ...request }), reply };
}

/** A reply that carries nothing but success. */
export const done = z.strictObject({});

type Requests<Definitions extends readonly MessageDefinition[]> = {
  [Index in keyof Definitions]: Definitions[Index]['request'];
};

/** The discriminated union of a list of definitions' requests, parsed by their `type`. */
export function requestUnion<const Definitions extends readonly [MessageDefinition, ...MessageDefinition[]]>(
  definitions: Definitions,
) {
  const requests = definitions.map((definition) => definition.request) as unknown as Requests<Definitions>;
  return z.discriminatedUnion('type', requests);
}

/** Each definition's reply schema under its message type. */
export type ReplySchemas<Definitions extends readonly MessageDefinition[]> = {
  [Definition in Definitions[number] as Definition['type']]: Definition['reply'];
};

export function replySchemas<const Definitions extends readonly MessageDefinition[]>(
  definitions: Definitions,
): ReplySchemas<Definitions> {
  return Object.fromEntries(
    definitions.map((definition) => [definition.type, definition.reply]),
  ) as ReplySchemas<Definitions>;
}

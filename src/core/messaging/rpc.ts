/**
 * The transport of Vigie's message contracts, generic over a call map. It knows nothing of the
 * browser: the sender and the listener registration are handed in, so it runs in tests as is.
 */
import { toErrorData, type Result } from '../errors';
import type { CallArgs, CallResult, Envelope } from './protocol';

export type Handlers<M, Ctx> = {
  [K in keyof M]: (args: CallArgs<M, K>, ctx: Ctx) => Promise<CallResult<M, K>> | CallResult<M, K>;
};

/** Is this message one of ours? */
export function isEnvelope(message: unknown): message is Envelope<unknown> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { vigie?: unknown }).vigie === 1 &&
    typeof (message as { call?: unknown }).call === 'string'
  );
}

/**
 * Dispatches one envelope to its handler. Returns undefined for messages that are not ours,
 * so that other listeners may answer them.
 */
export function dispatch<M, Ctx>(
  handlers: Handlers<M, Ctx>,
  message: unknown,
  ctx: Ctx,
): Promise<Result<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  const name = message.call as keyof M;
  if (!Object.prototype.hasOwnProperty.call(handlers, name)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'bad-request', message: `Unknown call ${String(name)}` },
    });
  }
  const handler = handlers[name] as (args: unknown, ctx: Ctx) => unknown;
  return (async () => {
    try {
      return { ok: true, value: await handler(message.args, ctx) } as Result<unknown>;
    } catch (error) {
      return { ok: false, error: toErrorData(error) } as Result<unknown>;
    }
  })();
}

export type Send = (envelope: Envelope<unknown>) => Promise<unknown>;

export type Client<M> = <K extends keyof M>(
  call: K,
  args: CallArgs<M, K>,
) => Promise<Result<CallResult<M, K>>>;

/** A typed client over any send function (runtime.sendMessage, tabs.sendMessage…). */
export function createClient<M>(send: Send): Client<M> {
  return async (call, args) => {
    try {
      const reply = await send({ vigie: 1, call: call as string, args } as Envelope<unknown>);
      if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
        return reply as Result<never>;
      }
      return { ok: false, error: { code: 'unavailable', message: 'No answer from Vigie.' } };
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: toErrorData(error).message } };
    }
  };
}

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BackgroundCalls, Envelope, Result } from '../../../../src/core/messaging/protocol';
import { AppError } from '../../../../src/core/errors';
import { createClient, dispatch, type Handlers } from '../../../../src/core/messaging/rpc';

interface Calls {
  /** Adds two numbers. */
  add(args: { a: number; b: number }): number;
  /** Always fails. */
  fail(args: Record<string, never>): string;
}

const handlers: Handlers<Calls, null> = {
  add: ({ a, b }) => a + b,
  fail: () => {
    throw new AppError('not-found', 'nothing here');
  },
};

/** A client wired straight to the handlers, as the browser would between two contexts. */
const client = createClient<Calls>(
  (envelope) => dispatch(handlers, envelope, null) ?? Promise.resolve(undefined),
);

describe('message contract', () => {
  it('carries a call and its result', async () => {
    expect(await client('add', { a: 2, b: 3 })).toEqual({ ok: true, value: 5 });
  });

  it('carries errors as data, with their code', async () => {
    expect(await client('fail', {})).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'nothing here' },
    });
  });

  it('answers an unknown call with bad-request, and ignores messages that are not Vigie’s', async () => {
    const unknown = { vigie: 1, call: 'nope', args: {} } as unknown as Envelope<unknown>;
    expect(await dispatch(handlers, unknown, null)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(dispatch(handlers, { type: 'someone-else' }, null)).toBeUndefined();
  });

  it('reports a missing background as unavailable instead of throwing', async () => {
    const dead = createClient<Calls>(() =>
      Promise.reject(new Error('Receiving end does not exist.')),
    );
    expect(await dead('add', { a: 1, b: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    const silent = createClient<Calls>(() => Promise.resolve(undefined));
    expect(await silent('add', { a: 1, b: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('checks arguments, results and handlers at compile time', () => {
    expectTypeOf(client('add', { a: 1, b: 2 })).resolves.toEqualTypeOf<Result<number>>();
    // @ts-expect-error a wrong argument does not compile
    void client('add', { a: '1', b: 2 });
    // @ts-expect-error an unknown call does not compile
    void client('remove', {});
    // @ts-expect-error a handler map missing a call does not compile
    const missing: Handlers<Calls, null> = { add: ({ a, b }) => a + b };
    void missing;
    type FlagArgs = Parameters<BackgroundCalls['flagTab']>[0];
    expectTypeOf<FlagArgs['into']>().toEqualTypeOf<
      { to: 'inbox' } | { to: 'new-crisis' } | { to: 'crisis'; crisisId: string }
    >();
  });
});

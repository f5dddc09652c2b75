import { describe, expect, it, vi } from 'vitest';
import { replyValue } from '../../../../src/dashboard/log/reply-value';

describe('replyValue', () => {
  it('gives a call’s value, and no error', async () => {
    const onError = vi.fn();
    expect(await replyValue(Promise.resolve({ ok: true as const, value: 3 }), onError)).toBe(3);
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands a failed call’s error on, and gives null', async () => {
    const onError = vi.fn();
    const error = { code: 'not-found' as const, message: 'gone' };
    expect(await replyValue(Promise.resolve({ ok: false as const, error }), onError)).toBeNull();
    expect(onError).toHaveBeenCalledWith(error);
  });
});

/** A background call's value for the mention list, its error handed on when it fails. */
import type { AppErrorData, Result } from '../../core/messaging/protocol';

/** The call's value, or null once its error is given to `onError` (to be shown). */
export async function replyValue<T>(
  call: Promise<Result<T>>,
  onError: (error: AppErrorData) => void,
): Promise<T | null> {
  const reply = await call;
  if (reply.ok) return reply.value;
  onError(reply.error);
  return null;
}

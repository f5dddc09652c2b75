/** Changes to step 5, learn: the post-mortem, its texts and lists within their limits. */
import type { PostMortem } from '../types';
import type { ChangeHandlers } from './change';

export const learnChanges: ChangeHandlers<'postmortem'> = {
  postmortem(crisis, change) {
    const text = (value: string, max = 5000) => value.trim().slice(0, max);
    const list = (values: readonly string[], max = 200) =>
      values.map((v) => text(v, max)).filter(Boolean);
    const l = change.learn;
    const learn: PostMortem = {
      whatHappened: text(l.whatHappened, 20_000),
      whys: list(l.whys, 2000).slice(0, 10),
      decision: text(l.decision),
      circumstances: text(l.circumstances),
      rootCause: text(l.rootCause, 200),
      precautions: l.precautions
        .filter((p) => p.id && text(p.what))
        .map((p) => ({ ...p, what: text(p.what, 1000), owner: text(p.owner, 200) })),
      watchTerms: [...new Set(list(l.watchTerms, 100))],
    };
    if (JSON.stringify(learn) === JSON.stringify(crisis.learn)) return null;
    return {
      crisis: { ...crisis, learn },
      events: [{ type: 'postmortem-changed', data: { rootCause: learn.rootCause } }],
    };
  },
};

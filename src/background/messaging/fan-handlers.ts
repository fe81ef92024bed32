import type { PopupToBackground } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { checkOutreach } from '../outreach/history';
import { announceFanChange } from '../outreach/change-feed';
import { fanProfile, pickedTarget, requestFor } from '../compose/picked-target';
import { setDoNotContact, setFanNotes } from '../fans/fan-store';
import { forgetEverywhere } from '../fans/forget-everywhere';
import { loadPolicySettings } from '../settings/settings-store';
import type { HandlerMap } from '../handler-map';

/** What the admin decides about a fan: "do not contact", notes, and forgetting them. */
export const fanHandlers: HandlerMap<
  Extract<PopupToBackground, { type: 'fan/do-not-contact' | 'fan/notes' | 'fan/forget' | 'log/forget-fan' }>
> = {
  async 'fan/do-not-contact'({ commentId, doNotContact }, { now, team }) {
    const target = await pickedTarget(commentId);
    const fan = { pageId: target.comment.pageId, fanId: target.comment.authorId };
    const checked = await withDatabase(async (db) => {
      await setDoNotContact(db, fanProfile(target), doNotContact, now);
      return checkOutreach(db, requestFor(target), await loadPolicySettings(db), now);
    });
    await team.mark(fan, doNotContact, now);
    await announceFanChange(fan, now);
    return { verdicts: checked.verdicts, doNotContact: checked.doNotContact };
  },

  async 'fan/notes'({ commentId, notes }, { now, team }) {
    const fan = fanProfile(await pickedTarget(commentId));
    const saved = await withDatabase((db) => setFanNotes(db, fan, notes, now));
    await team.shareNote(fan, saved.notes ?? '', now);
    return { notes: saved.notes ?? '' };
  },

  async 'fan/forget'({ commentId }, { now, team }) {
    const { comment } = await pickedTarget(commentId);
    const fan = { pageId: comment.pageId, fanId: comment.authorId };
    return { tombstones: await forgetEverywhere(fan, team, now) };
  },

  async 'log/forget-fan'({ pageId, fanId }, { now, team }) {
    return { tombstones: await forgetEverywhere({ pageId, fanId }, team, now) };
  },
};

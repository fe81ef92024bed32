import { beforeEach, describe, expect, test } from 'vitest';
import { describeDelivery } from '../../src/popup/format';
import { fakeBrowser } from './fake-browser';

const giulia = { authorName: 'Giulia Rossi', pageId: 'acmecoffee' };

beforeEach(() => fakeBrowser.reset());

describe('what the popup says after a send', () => {
  test('a message waiting in Facebook’s box tells the admin to press Facebook’s Send', () => {
    expect(describeDelivery({ status: 'prepared' }, giulia)).toEqual({
      kind: 'prepared',
      text: "The message is in Facebook's message box for Giulia Rossi. Check it there and press Facebook's Send: the log marks it sent when it goes.",
    });
  });

  test('a copied message says why and links the Page’s inbox, on the Page itself when its id is a number', () => {
    const copied = describeDelivery(
      { status: 'copied', fallback: 'no-control' },
      { ...giulia, pageId: '1000123' },
    );
    expect(copied).toMatchObject({
      kind: 'copied',
      text: expect.stringMatching(/^Message copied: Facebook shows no Message control beside this comment\./),
      inbox: 'https://business.facebook.com/latest/inbox/all?asset_id=1000123',
    });
  });

  test('a rate-limited Graph API says when it is used again', () => {
    const retryAt = Date.UTC(2026, 10, 25, 15, 30);
    expect(describeDelivery({ status: 'api-failed', error: 'rate-limited', retryAt }, giulia).text).toMatch(
      /^Not sent: Facebook asked the Page to slow down\. Page Outreach asks nothing more of the Graph API for this Page until .*25/,
    );
  });

  test('a Page blocked for abuse is told why and until which day the Graph API rests', () => {
    const retryAt = Date.UTC(2026, 10, 26, 15, 30);
    expect(describeDelivery({ status: 'api-failed', error: 'page-blocked', retryAt }, giulia).text).toMatch(
      /^Not sent: Facebook has blocked the Page from sending messages for now.* until .*26/,
    );
  });

  test('a comment that already had a private reply says nothing new went out', () => {
    expect(describeDelivery({ status: 'api-sent', alreadyAnswered: true }, giulia)).toMatchObject({
      kind: 'sent',
      text: expect.stringContaining('already has a private reply, so nothing new was sent to Giulia'),
    });
  });

  test('an unanswered Graph request tells the admin to check the inbox before trying again', () => {
    expect(describeDelivery({ status: 'api-unknown' }, giulia)).toMatchObject({
      kind: 'failed',
      text: expect.stringMatching(/check the Page's inbox before trying again\.$/),
    });
  });

  test('the popup speaks the browser’s language', () => {
    fakeBrowser.uiLanguage = 'it';
    expect(describeDelivery({ status: 'api-sent' }, giulia).text).toBe(
      'Inviato a Giulia Rossi tramite la Graph API.',
    );
  });
});

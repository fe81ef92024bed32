import { describe, expect, test } from 'vitest';
import { templateErrors } from '../../src/options/template-fields';
import {
  BUILT_IN_PLACEHOLDERS,
  excerpt,
  fillAndCheck,
  fillPlaceholders,
  placeholdersIn,
  placeholderValues,
} from '../../src/shared/placeholders';
import { giuliaComment } from './sample-comment';

const comment = giuliaComment;

describe('placeholders', () => {
  test('fill the fan’s first name and the Page’s name', () => {
    const text = fillPlaceholders('Hi {first_name}, thanks from {page_name}!', placeholderValues(comment));
    expect(text).toBe('Hi Giulia, thanks from Acme Coffee!');
  });

  test('substitute in one pass, so a name that looks like a placeholder stays literal', () => {
    const values = placeholderValues({ ...comment, authorName: '{page_name} {full_name}' });
    expect(fillPlaceholders('Hi {first_name}, {page_name}', values)).toBe('Hi {page_name}, Acme Coffee');
  });

  test('leave unknown placeholders as written', () => {
    expect(fillPlaceholders('Code: {coupon} {constructor}', placeholderValues(comment))).toBe(
      'Code: {coupon} {constructor}',
    );
  });

  test('quote long comments as a short excerpt ending in an ellipsis', () => {
    const quoted = excerpt('word '.repeat(100), 20);
    expect(quoted).toHaveLength(20);
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('checking a filled template', () => {
  test('flags placeholders that do not exist and those empty for this fan, once each', () => {
    const values = { first_name: 'Giulia', comment_excerpt: '' };
    expect(fillAndCheck('{first_name}, {code} {code} “{comment_excerpt}”', values)).toEqual({
      text: 'Giulia, {code} {code} “”',
      unknown: ['code'],
      empty: ['comment_excerpt'],
    });
  });

  test('a template whose placeholders all have values has nothing to flag', () => {
    expect(fillAndCheck('Hi {first_name}', { first_name: 'Giulia' })).toEqual({
      text: 'Hi Giulia',
      unknown: [],
      empty: [],
    });
  });
});

describe('the Page’s own placeholders', () => {
  test('fill templates beside the built-in ones, which they cannot shadow', () => {
    const values = placeholderValues(comment, { discount_code: 'WELCOME10', first_name: 'Nobody' });
    expect(fillPlaceholders('{first_name}: {discount_code}', values)).toBe('Giulia: WELCOME10');
  });
});

describe('placeholders a text names', () => {
  test('are listed once each, in order, and braces around anything else are not placeholders', () => {
    expect(placeholdersIn('{nome}, {coupon} e {nome}; {Nome} { x } {}')).toEqual(['nome', 'coupon']);
  });
});

describe('the template editor’s check of a message', () => {
  const draft = { category: 'thanks', language: 'it', title: 'Grazie', team: '' } as const;

  test('refuses a placeholder that is neither built in nor the Page’s own, naming it', () => {
    const errors = templateErrors({ ...draft, body: 'Ciao {nome}, usa {coupon}!' }, [
      ...BUILT_IN_PLACEHOLDERS,
      'discount_code',
    ]);
    expect(errors.body).toBe(
      'Not a placeholder Page Outreach knows: {nome}, {coupon}. Check the spelling, add it under Placeholders, or pick one from “Insert a placeholder”.',
    );
  });

  test('takes the Page’s own placeholders beside the built-in ones', () => {
    const known = [...BUILT_IN_PLACEHOLDERS, 'coupon'];
    expect(templateErrors({ ...draft, body: 'Ciao {first_name}, usa {coupon}!' }, known)).toEqual({});
  });
});

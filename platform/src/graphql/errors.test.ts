import { describe, expect, it } from 'vitest';
import { badUserInput, maskError, notFound } from './errors.js';

describe('maskError', () => {
  it('should keep a typed error as written for the client', () => {
    const error = notFound('Offer', '0190c3a2-1111-7111-8111-111111111111');
    expect(maskError({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } })).toEqual({
      message: 'Offer 0190c3a2-1111-7111-8111-111111111111 was not found.',
      extensions: { code: 'NOT_FOUND', type: 'Offer', id: '0190c3a2-1111-7111-8111-111111111111' },
    });
  });

  it('should replace the message of an unexpected error, which may hold SQL or internals', () => {
    const masked = maskError({
      message: 'select "a0".* from "offers"."offer" - column does not exist',
      path: ['offers'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at driver'] },
    });
    expect(masked).toEqual({ message: 'Internal server error', path: ['offers'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('should treat an error without a code as internal', () => {
    expect(maskError({ message: 'ECONNREFUSED 127.0.0.1:5432' }).message).toBe('Internal server error');
  });

  it('should name the offending field of bad input', () => {
    expect(badUserInput('first', 'first must be between 0 and 100.').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

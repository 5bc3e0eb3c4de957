import { describe, expect, it } from 'vitest';
import { newId } from '../graphql/ids.js';
import { catalogTopics, EVENT_TYPES, InvalidEventError, validateEventData } from './catalog.js';
import { topicOf } from './domain-event.js';

describe('event catalog', () => {
  it('should accept a payload of the type’s shape and return it parsed', () => {
    const data = { offerId: newId(), enterpriseId: newId(), reason: 'DEADLINE' };
    expect(validateEventData('offer.closed', data)).toEqual(data);
  });

  it('should refuse a malformed payload, naming each wrong field', () => {
    const error = (() => {
      try {
        validateEventData('offer.closed', { offerId: 'nope', reason: 'SOLD_OUT' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toMatch(/^Invalid offer\.closed payload: /);
    expect((error as Error).message).toContain('offerId');
    expect((error as Error).message).toContain('enterpriseId');
    expect((error as Error).message).toContain('reason');
  });

  it('should refuse an unknown type', () => {
    expect(() => validateEventData('offer.exploded', {})).toThrow(new InvalidEventError('Unknown event type "offer.exploded"'));
  });

  it('should give every type a topic per aggregate', () => {
    expect(catalogTopics()).toEqual([...new Set(EVENT_TYPES.map(topicOf))]);
    expect(catalogTopics()).toContain('stages.application');
  });
});

import { createConversationKey } from '../src/conversationKey';
import { createIdHasher } from '../src/hashId';

describe('a conversation key', () => {
  it('is the keyed hash of the channel and conversation, worked out once per activity', () => {
    const hash = createIdHasher('test-key');
    const seen: string[] = [];
    const key = createConversationKey((id) => {
      seen.push(id);
      return hash(id);
    });
    const activity = {
      channelId: 'sms',
      conversation: { id: '+15551234567', isGroup: false, conversationType: '', name: '' },
    };
    const first = key(activity);
    expect(key(activity)).toBe(first);
    expect(key(activity)).toBe(first);
    expect(seen).toEqual(['sms/+15551234567']);
    expect(first).toBe(hash('sms/+15551234567'));
    expect(first).not.toContain('5551234567');
    expect(key({ ...activity })).toBe(first);
    expect(seen).toHaveLength(2);
  });
});

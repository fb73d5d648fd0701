import { clientKey } from '../src/clientAddress';
import { createRateLimiter } from '../src/rateLimiter';

/** A clock the test moves by hand. */
const createClock = () => {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('the chat rate limiter', () => {
  it('allows a burst, then one request for every two seconds at 30 a minute', () => {
    const clock = createClock();
    const limiter = createRateLimiter({ perMinute: 30, burst: 3 }, clock.now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(2);
    clock.advance(1000);
    expect(limiter.take('a')).toBe(1);
    clock.advance(1000);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(2);
  });

  it('counts every key on its own', () => {
    const limiter = createRateLimiter({ perMinute: 30, burst: 1 }, createClock().now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
  });

  it('never refills past the burst, however long a key was idle', () => {
    const clock = createClock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, clock.now);
    limiter.take('a');
    clock.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 1]);
  });

  it('forgets idle keys first when it holds too many', () => {
    const clock = createClock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, maxKeys: 2 }, clock.now);
    limiter.take('idle');
    clock.advance(5_000);
    limiter.take('busy');
    limiter.take('new');
    expect(limiter.take('busy')).toBeGreaterThan(0);
    expect(limiter.take('idle')).toBe(0);
  });
});

describe('the key a visitor is limited by', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:0:1:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:0DB8::1:2', '2001:db8:0:0::/64'],
    ['2001:db8:0:1::5', '2001:db8:0:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('turns %s into %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});

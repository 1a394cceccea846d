import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { form, newestMailTo, request, signIn } from './support/http';

// Care circles inside workerd over D1: the one-use invitation holds when two acceptances race.

describe('care circles on Workers with D1', () => {
  it('two acceptances of one invitation at once make exactly one member', async () => {
    const owner = await signIn('owner@example.org');
    const started = await request(
      '/circles',
      form(
        {
          label: 'My people',
          timeZone: 'Europe/Paris',
          quietStart: '21:00',
          quietEnd: '08:00',
          placeRevealHours: '24',
        },
        owner,
      ),
    );
    expect(started.status).toBe(303);
    const circleId = started.headers.get('location')!.split('/').pop()!;
    const invited = await request(
      `/circles/${circleId}/invitations`,
      form({ email: 'friend@example.org', personalNote: '' }, owner),
    );
    expect(invited.status).toBe(303);
    const token = (await newestMailTo('friend@example.org')).match(
      /\/circles\/invitations\/([a-z2-7]{32})/,
    )![1];

    // The same person on two devices, pressing "Join" on both at once.
    const [phone, laptop] = [
      await signIn('friend@example.org'),
      await signIn('friend@example.org'),
    ];
    const answers = await Promise.all([
      request(`/circles/invitations/${token}`, form({ displayName: 'Sam' }, phone)),
      request(`/circles/invitations/${token}`, form({ displayName: 'Samantha' }, laptop)),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([303, 404]);
    // This circle's members only: the local run seeds demo circles with members of their own.
    const members = await env.DB.prepare(
      'select display_name from circle_members where circle_id = ?',
    )
      .bind(circleId)
      .all();
    expect(members.results).toHaveLength(1);
    const joined = await env.DB.prepare(
      "select count(*) as n from circle_history where kind = 'joined' and circle_id = ?",
    )
      .bind(circleId)
      .first<{ n: number }>();
    expect(joined!.n).toBe(1);
  });
});

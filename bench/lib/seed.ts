/**
 * Stories for the digest rows: `count` moments of one team spread evenly between two instants,
 * two praise for one complaint, one or two colleagues per praise, some citing standards, the
 * way a busy floor logs them. Plain SQL through drizzle, so it runs on PGlite and Postgres.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { DEFAULT_STANDARDS } from '../../src/domain/standards/standard.js';

export async function seedMoments(
  database: Database,
  {
    teamId,
    count,
    from,
    to,
    users = 500,
  }: { teamId: string; count: number; from: Date; to: Date; users?: number },
) {
  // Numbers the bench chose go in as literals: typed parameters would make `i % $n` ambiguous.
  const step = sql.raw(String((to.getTime() - from.getTime()) / count / 1000));
  const modulo = sql.raw(String(Math.trunc(users)));
  const last = sql.raw(String(Math.trunc(count) - 1));
  await database.db.execute(sql`
    insert into moments (team_id, kind, author_id, customer_type, touchpoint, impact, story, lesson, status,
                         source, channel_id, created_at, updated_at)
    select ${teamId},
           case when i % 3 = 0 then 'complaint' else 'praise' end,
           'U' || (i % ${modulo}),
           case when i % 5 = 0 then 'internal' else 'external' end,
           (array['phone','email','chat','store','social','other'])[1 + i % 6],
           case when i % 7 = 0 then 'big' else 'small' end,
           'A customer story number ' || i || ' told in a few sentences, as people do. #same-day',
           case when i % 6 = 0 then 'What we learned from story ' || i else null end,
           case when i % 4 = 0 then 'resolved' else 'open' end,
           'command',
           'C' || (i % 20),
           ${from.toISOString()}::timestamptz + (i * ${step} * interval '1 second'),
           ${from.toISOString()}::timestamptz + (i * ${step} * interval '1 second')
    from generate_series(0, ${last}) as i`);
  await database.db.execute(sql`
    insert into moment_colleagues (team_id, moment_id, user_id, created_at)
    select team_id, id, 'U' || (abs(hashtext(id::text)) % ${modulo}), created_at from moments
    where team_id = ${teamId} and kind = 'praise' and created_at >= ${from.toISOString()}::timestamptz
    on conflict do nothing`);
  await database.db.execute(sql`
    insert into moment_colleagues (team_id, moment_id, user_id, created_at)
    select team_id, id, 'U' || (abs(hashtext(id::text || 'x')) % ${modulo}), created_at from moments
    where team_id = ${teamId} and kind = 'praise' and created_at >= ${from.toISOString()}::timestamptz
      and abs(hashtext(id::text)) % 20 = 0
    on conflict do nothing`);
  // The team's standards (the defaults, as its first digest would create them); one story in
  // nine cites #same-day, one in eleven #follow-up.
  for (const [index, standard] of DEFAULT_STANDARDS.entries()) {
    await database.db.execute(sql`
      insert into standards (team_id, tag, description, position)
      values (${teamId}, ${standard.tag}, ${standard.description.en}, ${index + 1})
      on conflict do nothing`);
  }
  await database.db.execute(sql`
    insert into moment_standards (team_id, moment_id, standard_id, kind, created_at)
    select m.team_id, m.id, s.id, m.kind, m.created_at
    from moments m
    join standards s on s.team_id = m.team_id
      and s.tag = case when abs(hashtext(m.id::text)) % 9 = 0 then 'same-day'
                       when abs(hashtext(m.id::text)) % 11 = 0 then 'follow-up' end
    where m.team_id = ${teamId} and m.created_at >= ${from.toISOString()}::timestamptz
    on conflict do nothing`);
  for (const table of ['moments', 'moment_colleagues', 'moment_standards']) {
    await database.db.execute(sql.raw(`analyze ${table}`));
  }
}

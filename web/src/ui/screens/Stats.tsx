import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Stats as StatsDto } from '../../api/types';
import { duration } from '../../state';
import { Problem } from '../parts';

/** Listening statistics for the last 30 days: time per day as bars, books finished, the streak. */
export function Stats() {
  const [stats, setStats] = useState<StatsDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { api<StatsDto>('/api/v1/me/stats?days=30').then(setStats, setError); }, []);
  const days = stats ? Object.entries(stats.listenedSecByDay) : [];
  const most = Math.max(1, ...days.map(([, s]) => s));
  return (
    <main aria-label="Statistics">
      <h1>Listening</h1>
      <Problem error={error} />
      {stats && (
        <>
          <dl class="facts">
            <div><dt>Last {stats.days} days</dt><dd>{duration(stats.listenedSec)}</dd></div>
            <div><dt>Books finished</dt><dd>{stats.booksFinished}</dd></div>
            <div><dt>Streak</dt><dd>{stats.streakDays} days</dd></div>
          </dl>
          <div class="bars" role="img" aria-label="Time listened per day">
            {days.map(([day, s]) => <span title={`${day}: ${duration(s)}`} ref={(el) => { if (el) el.style.height = `${(s / most) * 100}%`; }} />)}
          </div>
        </>
      )}
    </main>
  );
}

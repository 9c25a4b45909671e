import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { DeviceSession, ListeningSession } from '../../api/types';
import { socket } from '../../app';
import { ago, clock, useValue } from '../../state';
import { Problem } from '../parts';

/** The listener's devices: what plays where, pausing another device, signing a device out. */
export function Devices() {
  const [sessions, setSessions] = useState<DeviceSession[]>([]);
  const [open, setOpen] = useState<ListeningSession[]>([]);
  const [error, setError] = useState<unknown>(null);
  const presence = useValue(socket.presence);
  const load = () => api<DeviceSession[]>('/api/v1/me/sessions').then((s) => setSessions(s.filter((x) => x.active)), setError);
  useEffect(() => {
    void load();
    // What plays now, for devices that started before this page connected (presence is pushed on changes only).
    api<ListeningSession[]>('/api/v1/me/sessions/listening?limit=50').then((l) => setOpen(l.filter((x) => x.open)), () => undefined);
  }, []);

  async function control(id: string, command: 'pause' | 'resume') {
    await api(`/api/v1/me/devices/${encodeURIComponent(id)}/control`, { method: 'POST', body: { command } }).catch(setError);
  }

  async function signOutDevice(id: string) {
    await api(`/api/v1/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(setError);
    await load();
  }

  return (
    <main aria-label="Devices">
      <h1>Devices</h1>
      <Problem error={error} />
      <ul class="plain devices">
        {sessions.map((s) => {
          const listening = open.find((l) => l.deviceId === s.id);
          const p = presence.get(s.id) ?? (listening ? { state: 'playing', positionSec: listening.endPositionSec } : undefined);
          return (
            <li data-device={s.id}>
              <div>
                <strong>{s.name}</strong>{s.current && ' (this device)'}
                <div class="muted">{p ? `${p.state} at ${clock(p.positionSec)}` : 'idle'} · last used {ago(s.lastUsedAt)} from {s.lastAddress}</div>
              </div>
              {!s.current && p?.state === 'playing' && <button type="button" onClick={() => control(s.id, 'pause')}>Pause</button>}
              {!s.current && p?.state === 'paused' && <button type="button" onClick={() => control(s.id, 'resume')}>Resume</button>}
              {!s.current && <button type="button" class="quiet" onClick={() => signOutDevice(s.id)}>Sign out</button>}
            </li>
          );
        })}
      </ul>
    </main>
  );
}

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ParticipantProfile, SuggestionMatrix } from '../../shared/consultation-directory-schema.ts';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { api } from '../app/api.ts';
import { useTranslation } from '../app/i18n.ts';
import { ProfileForm } from '../components/ProfileForm.tsx';
import { SpokespersonPicker } from './SpokespersonPicker.tsx';
import { AddParticipantForm } from './AddParticipantForm.tsx';

type Cell = SuggestionMatrix['cells'][number];

/**
 * The organisers' matchmaking desk: every buyer against every supplier with the fit score, the reasons of a pair and
 * a pre-match with its priority; and any participant's profile to edit.
 */
export function MatchingPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useTranslation();
  const [matrix, setMatrix] = useState<SuggestionMatrix | null>(null);
  const [profiles, setProfiles] = useState<ParticipantProfile[]>([]);
  const [slots, setSlots] = useState<ConsultationPlan['slots']>([]);
  const [selected, setSelected] = useState<Cell | null>(null);
  const [priority, setPriority] = useState(1);
  const [editing, setEditing] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [nextMatrix, nextProfiles, plan] = await Promise.all([
        api<SuggestionMatrix>('/api/consultations/suggestions/matrix', { token }),
        api<ParticipantProfile[]>('/api/consultations/participants', { token }),
        api<ConsultationPlan>('/api/consultations/plan', { token }),
      ]);
      setMatrix(nextMatrix);
      setProfiles(nextProfiles);
      setSlots(plan.slots);
    } catch (error) {
      if ((error as { status?: number }).status === 401) onSignOut();
      else setProblem((error as Error).message);
    }
  }, [token, language]);
  useEffect(() => void load(), [load]);

  if (!matrix) return problem ? <p class="alert" role="alert">{problem}</p> : null;
  const cellOf = new Map(matrix.cells.map((cell) => [`${cell.buyer}:${cell.supplier}`, cell]));
  const best = Math.max(1, ...matrix.cells.map((cell) => cell.score));
  const companyOf = new Map([...matrix.buyers, ...matrix.suppliers].map((side) => [side.code, side.company]));

  const prematch = async () => {
    if (!selected) return;
    try {
      await api<{ meeting: string }>('/api/consultations/meetings', { token, method: 'POST', body: { buyer: selected.buyer, supplier: selected.supplier, priority } });
      setNotice(t('consultations:matrix.prematched', { meeting: `${companyOf.get(selected.buyer) ?? selected.buyer} ↔ ${companyOf.get(selected.supplier) ?? selected.supplier}` }));
      setProblem(null);
      setSelected(null);
      await load();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const editedProfile = profiles.find((profile) => profile.code === editing);
  const removeEdited = async (profile: ParticipantProfile) => {
    if (!confirm(t('consultations:roster.removeConfirm', { company: profile.company }))) return;
    setProblem(null);
    try {
      await api(`/api/consultations/participants/${encodeURIComponent(profile.code)}`, { method: 'DELETE', token });
      setEditing('');
      setNotice(t('consultations:roster.removed', { company: profile.company }));
      await load();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <section data-testid="matching-page">
      <h2>{t('consultations:matrix.heading')}</h2>
      <p class="muted">{t('consultations:matrix.hint')}</p>
      {problem && <p class="alert" role="alert">{problem}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      <div class="table-scroll">
        <table class="matrix" data-testid="suggestion-matrix">
          <thead>
            <tr>
              <th />
              {matrix.suppliers.map((supplier) => (
                <th key={supplier.code} title={supplier.code} class="matrix__supplier" scope="col" dir="auto">
                  {supplier.company}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.buyers.map((buyer) => (
              <tr key={buyer.code}>
                <th title={`${buyer.code} · ${countryName(buyer.country, language)}`} class="matrix__buyer" scope="row" dir="auto">
                  {buyer.company}
                </th>
                {matrix.suppliers.map((supplier) => {
                  const cell = cellOf.get(`${buyer.code}:${supplier.code}`);
                  if (!cell) return <td key={supplier.code} />;
                  const mark = cell.meeting ? (cell.meeting.status === 'accepted' ? '●' : cell.meeting.status === 'requested' ? '○' : '') : '';
                  // The blue deepens with the fit but stops where dark text still reads on it (WCAG AA contrast).
                  const strength = 0.08 + (0.57 * cell.score) / best;
                  return (
                    <td key={supplier.code} style={{ background: `rgba(37, 99, 235, ${strength.toFixed(2)})`, color: '#1d2433' }}>
                      <button
                        type="button"
                        class="matrix__cell"
                        data-testid={`cell-${cell.buyer}-${cell.supplier}`}
                        title={cell.reasons.join('; ')}
                        onClick={() => {
                          setSelected(cell);
                          setPriority(cell.meeting?.priority ?? 1);
                          setNotice(null);
                        }}
                      >
                        {cell.score}
                        {mark}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="small muted">{t('consultations:matrix.legend')}</p>
      {selected && (
        <section class="card" data-testid="pair">
          <h3>
            {companyOf.get(selected.buyer)} – {companyOf.get(selected.supplier)}
          </h3>
          <p>{t('consultations:matching.score', { score: selected.score })}</p>
          <ul>
            {selected.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {selected.meeting?.status === 'accepted' ? (
            <p>{t('consultations:matrix.planned', { meeting: selected.meeting.code, priority: selected.meeting.priority })}</p>
          ) : (
            <div class="field-row">
              <label>
                {t('fields:priority')}
                <input type="number" min={1} max={10} step={1} value={priority} onInput={(event) => setPriority(Number(event.currentTarget.value))} />
              </label>
              <button type="button" onClick={() => void prematch()}>
                {t('consultations:matrix.prematch')}
              </button>
            </div>
          )}
        </section>
      )}

      <h2>{t('consultations:matrix.profiles')}</h2>
      <select value={editing} onChange={(event) => setEditing(event.currentTarget.value)} aria-label={t('consultations:matrix.profiles')} data-testid="profile-picker">
        <option value="">–</option>
        {profiles.map((profile) => (
          <option key={profile.code} value={profile.code}>
            {profile.code} · {profile.company}
          </option>
        ))}
      </select>
      {editedProfile && (
        <p>
          <button type="button" class="secondary" onClick={() => void removeEdited(editedProfile)}>
            {t('consultations:roster.remove')}
          </button>
        </p>
      )}
      {editedProfile && <SpokespersonPicker key={`link-${editedProfile.code}`} code={editedProfile.code} token={token} />}
      {editedProfile && (
        <ProfileForm
          key={editedProfile.code}
          profile={editedProfile}
          slots={slots}
          path={`/api/consultations/participants/${encodeURIComponent(editedProfile.code)}`}
          token={token}
          onSaved={(saved) => {
            setProfiles(profiles.map((profile) => (profile.code === saved.code ? saved : profile)));
            void load();
          }}
        />
      )}
      {/* Shown while no profile is open: the two forms share field names. */}
      {!editedProfile && (
        <AddParticipantForm
          token={token}
          onAdded={(profile) => {
            setEditing(profile.code);
            void load();
          }}
        />
      )}
    </section>
  );
}

// Settings → General: host facts (from the environment), API key, password, backups and logging.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { keys } from '../../api/query-keys';
import { ErrorNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordSection } from './general/ChangePasswordSection';
import { BackupsSection, HostSection, LoggingSection } from './general/HostSections';

export function GeneralSettingsPage() {
  const client = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState(false);
  const apiKey = useQuery({ queryKey: keys.apiKey, queryFn: () => get<{ apiKey: string }>('/auth/apikey') });
  const regenerate = useMutation({
    mutationFn: () => post<{ apiKey: string }>('/auth/apikey'),
    onSuccess: (data) => {
      client.setQueryData(keys.apiKey, data);
      setReveal(true);
    },
  });
  return (
    <>
      <PageHeader title="General" />
      <HostSection />
      <section aria-labelledby="apikey-heading" className="section">
        <h2 id="apikey-heading">Security</h2>
        <QueryView query={apiKey} what="API key">
          {(data) => (
            <div className="form-row">
              <label htmlFor="api-key">API key</label>
              <div className="inline-controls">
                <input
                  id="api-key"
                  readOnly
                  type={reveal ? 'text' : 'password'}
                  value={data.apiKey}
                  className="mono"
                  size={40}
                />
                <button type="button" onClick={() => setReveal(!reveal)} aria-pressed={reveal}>
                  {reveal ? 'Hide' : 'Show'}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void navigator.clipboard?.writeText(data.apiKey).then(
                      () => setCopied(true),
                      () => setCopied(false),
                    )
                  }
                >
                  Copy
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={regenerate.isPending}
                  onClick={() => {
                    if (window.confirm('Regenerate the API key? Every app using the old key must be updated.'))
                      regenerate.mutate();
                  }}
                >
                  Regenerate
                </button>
                <span role="status" className="muted small">
                  {copied ? 'Copied.' : regenerate.isSuccess ? 'A new key is in use.' : ''}
                </span>
              </div>
            </div>
          )}
        </QueryView>
        <ErrorNote error={regenerate.error} />
      </section>
      <ChangePasswordSection />
      <BackupsSection />
      <LoggingSection />
    </>
  );
}

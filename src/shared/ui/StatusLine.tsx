/** The outcome of an action, read out to screen readers: a status when it worked, an alert when not. */
export interface Status {
  ok: boolean;
  text: string;
}

export function StatusLine({ status }: { status: Status | null }) {
  if (!status) return null;
  return (
    <p class={status.ok ? 'saved' : 'error'} role={status.ok ? 'status' : 'alert'}>
      {status.text}
    </p>
  );
}

export interface PopupMessageProps {
  title: string;
  /** Plain text. */
  message: string;
  /** `alert` for errors, `status` for progress. */
  role?: 'alert' | 'status';
}

/** What the popup shows before it has a view: loading, or why there is none. */
export function PopupMessage({ title, message, role = 'status' }: PopupMessageProps) {
  return (
    <main class="popup" aria-labelledby="popup-message-title">
      <h1 id="popup-message-title">{title}</h1>
      <p role={role}>{message}</p>
    </main>
  );
}

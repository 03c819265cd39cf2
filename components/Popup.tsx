export interface PopupProps {
  host?: string;
}

export function Popup({ host }: PopupProps) {
  return (
    <main>
      <h1>certglance</h1>
      <p>{host ? `Certificate of ${host}` : 'Open an https site to see its certificate.'}</p>
    </main>
  );
}

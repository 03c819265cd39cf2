import { Popup } from '@/components/Popup';

export function App() {
  return <Popup />;
}

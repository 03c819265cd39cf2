import { startBackground } from '@/browser/start-background';

export default defineBackground({
  type: 'module',
  main() {
    startBackground({ firefox: import.meta.env.FIREFOX });
  },
});

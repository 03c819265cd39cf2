import { createApp, type AppDeps, type ProbeApp } from './app';
import type { ProbeConfig } from './config';

/** A listening probe. */
export interface RunningProbe {
  app: ProbeApp;
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  /** Stops accepting, lets answers in flight finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Starts the probe: builds the app, logs as JSON lines at config.logLevel, listens on config.host:config.port.
 * With `handleSignals`, SIGINT/SIGTERM close it gracefully (a second signal exits at once).
 */
export async function startServer(
  config: ProbeConfig,
  options: { handleSignals?: boolean; deps?: AppDeps } = {},
): Promise<RunningProbe> {
  const app = createApp(config, { logger: { level: config.logLevel }, ...options.deps });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  app.log.info(
    {
      url,
      restricted: config.restricted,
      token: config.token !== null,
      extraRoots: config.extraCaPems.length,
      allowPorts: config.allowPorts === 'any' ? 'any' : config.allowPorts.join(','),
      allowCidrs: config.allowCidrs.map(([a, bits]) => `${a.toString()}/${bits}`),
    },
    'certglance probe listening',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close().then(() => undefined);
    return closing;
  };

  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        app.log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      app.log.info({ signal }, 'shutting down');
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('unhandledRejection', (error) => app.log.error({ err: error }, 'unhandled rejection'));
  }

  return { app, url, close };
}

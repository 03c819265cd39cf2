import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CHECK_USAGE, runCheck } from './check-command';
import { loadConfig, SERVE_USAGE } from './config';
import { startServer } from './server';

const USAGE = `certglance-probe: TLS certificate inspection, as a service for the certglance extension or from the command line.

${SERVE_USAGE}

${CHECK_USAGE}`;

/** The process's streams and environment, replaceable in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * Runs one command: `serve` (the default when only options are given) starts the service and resolves 'running';
 * `check host[:port]` inspects once and resolves its exit code. Bad configuration resolves 2 after a clear message.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number | 'running'> {
  const [command, ...rest] = argv;
  if (command === 'check') return runCheck(rest, io);
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const serveArgs = command === 'serve' ? rest : [...argv];
  if (command !== undefined && command !== 'serve' && !command.startsWith('-')) {
    io.stderr(`certglance-probe: unknown command "${command}"\n\n${USAGE}\n`);
    return 3;
  }
  const config = loadConfig(serveArgs, io.env);
  if (!config.ok) {
    io.stderr(
      `certglance-probe: bad configuration: ${config.error.message}\n(see certglance-probe --help)\n`,
    );
    return 2;
  }
  try {
    await startServer(config.value, { handleSignals: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? 'the address is in use'
        : code === 'EACCES'
          ? 'permission denied'
          : String(code ?? error);
    io.stderr(`certglance-probe: cannot listen on ${config.value.host}:${config.value.port}: ${reason}\n`);
    return 2;
  }
  return 'running';
}

/** Runs main() and sets the exit code; the service keeps the process alive itself. */
export async function run(argv: readonly string[]): Promise<void> {
  const result = await main(argv);
  if (result !== 'running') process.exitCode = result;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  void run(process.argv.slice(2));
}

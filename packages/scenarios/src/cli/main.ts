// Entry of `journeycast` (bin/journeycast.mjs imports this after registering tsx).
import { cli, reportError } from './cli.ts';

// Anything that escapes (a worker thread dying between awaits) still ends as one line.
process.on('uncaughtException', (error) => {
  process.exitCode = reportError(error);
  process.exit();
});
process.on('unhandledRejection', (error) => {
  process.exitCode = reportError(error);
  process.exit();
});
// `journeycast run … | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

process.exitCode = await cli(process.argv.slice(2));

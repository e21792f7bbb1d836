/** Process entry (bin/vnet-doctor.js and the bundle): runs main and sets the exit code. */
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));

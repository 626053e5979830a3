// Cold-start baseline: an ES module that loads the shared parameters and exits.
import '../lib/params.js';

process.stdout.write(JSON.stringify({ answeredAtMs: performance.now() }));
process.exit(0);

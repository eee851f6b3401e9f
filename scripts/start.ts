/** @module `npm start`: wrangler dev with a local on-disk KV, seeded with demo articles through the admin API. */

import { ensureDevToken, startDevServer } from "./dev-server";
import { seedDemo } from "./seed";

const port = Number(process.env.PORT ?? 8787);
const token = ensureDevToken();
const server = await startDevServer({ port, persistTo: ".wrangler/state", inheritOutput: true });
const count = await seedDemo(server.url, token);
console.log(`\nedgewire is running at ${server.url} with ${count} demo articles.`);
console.log(`Admin token (from .dev.vars): ${token}\nPress Ctrl+C to stop.\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
	process.on(signal, async () => {
		await server.stop();
		process.exit(0);
	});
}

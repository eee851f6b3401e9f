/** @module `npm start`: wrangler dev with a local on-disk KV, seeded with demo articles through the admin API. */

import { ensureDevToken, startDevServer } from "./dev-server";
import { seedDemo } from "./seed";
import { signInLinkFor } from "./staff-link";

const port = Number(process.env.PORT ?? 8787);
const token = ensureDevToken();
const server = await startDevServer({ port, persistTo: ".wrangler/state", inheritOutput: true });
const count = await seedDemo(server.url, token);
console.log(`\nedgewire is running at ${server.url} with ${count} demo articles.`);
// A demo admin, so a newcomer reaches the newsroom with one click.
const link = await signInLinkFor(server.url, token, "editor@edgewire.test", "Demo Admin");
console.log(
	`Newsroom: sign in as ${link.email} (Demo Admin) with this one-time link, good for 30 minutes:\n  ${link.url}`,
);
console.log("  (another later: npm run sign-in-link -- editor@edgewire.test)");
console.log(`Admin token (from .dev.vars): ${token}\nPress Ctrl+C to stop.\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
	process.on(signal, async () => {
		await server.stop();
		process.exit(0);
	});
}

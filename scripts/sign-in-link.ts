/**
 * @module `npm run sign-in-link -- someone@example.org`: prints a one-time sign-in link for that staff
 * member on the local dev server (`npm start`), using ADMIN_TOKEN from `.dev.vars`. An email with no
 * account gets one, as an admin, and the script says so. `EDGEWIRE_URL` names another server.
 */
import { ensureDevToken } from "./dev-server";
import { signInLinkFor } from "./staff-link";

const email = process.argv[2];
if (!email?.includes("@")) {
	console.error("usage: npm run sign-in-link -- someone@example.org");
	process.exit(2);
}
const baseUrl = process.env.EDGEWIRE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
try {
	const link = await signInLinkFor(baseUrl, ensureDevToken(), email);
	if (link.created) console.log(`No staff account had the email ${link.email}: created one, as an admin.`);
	console.log(`Sign-in link for ${link.email} (single use, expires ${link.expiresAt}):\n${link.url}`);
} catch (error) {
	console.error(`Could not make a sign-in link on ${baseUrl}: ${(error as Error).message}`);
	console.error("Is the dev server running (npm start)?");
	process.exit(1);
}

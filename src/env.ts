/** @module The Worker's bindings and per-request variables, declared once for the whole app. */
import type { Actor } from "./auth/actor";

/**
 * Bindings from wrangler.toml and the secret names in scripts/dev-secrets.env (both generated into
 * worker-configuration.d.ts by `npm run types`), with the admin secret optional: nothing guarantees it is set.
 */
export type Bindings = Omit<Cloudflare.Env, "ADMIN_TOKEN"> & {
	/** Set with `wrangler secret put ADMIN_TOKEN` (or `.dev.vars` locally); absent means the admin API refuses everything. */
	ADMIN_TOKEN?: string;
	/** The WebSub hub every feed declares (an absolute https URL); absent means feeds name no hub. */
	WEBSUB_HUB?: string;
	/** The site's public origin (an absolute http(s) URL): WebSub callbacks and hub pings need it; absent means push is off. */
	SITE_URL?: string;
};

export type AppEnv = {
	Bindings: Bindings;
	Variables: {
		/** The request's one clock reading; every age in the response is computed from it. */
		now: Date;
		/** Who is making an admin request; set by the admin middleware (functions/middleware/admin-auth.ts). */
		actor: Actor;
		/** A short note on what a change did, for its audit entry (functions/middleware/audit-trail.ts). */
		auditDetail: string | undefined;
		/**
		 * Leaves the request out of the audit log: a POST that changes nothing (a preview, a comparison), or an
		 * autosave folded into the revision the log already has (the article's revisions keep its time and author).
		 */
		notAChange: boolean | undefined;
	};
};

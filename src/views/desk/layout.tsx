/**
 * @module The newsroom's page shell: a top bar with the desk's sections (only those the person's role
 * can use), who is signed in, a sign-out button, and the main column. Every desk page renders in it.
 * Styles and scripts are same-origin files under /admin/assets/ (the desk CSP allows 'self' only).
 */
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import { type Actor, hasRole, type Role } from "../../auth/actor";
import { assetUrl } from "../../desk/assets/table";

/** The desk's sections, each with the least role that can use it. */
export type DeskSection = "articles" | "sources" | "review" | "staff" | "tokens" | "audit" | "passkeys";

const NAV: ReadonlyArray<{ id: DeskSection; label: string; href: string; role: Role }> = [
	{ id: "articles", label: "Articles", href: "/admin", role: "contributor" },
	{ id: "review", label: "Review", href: "/admin/review", role: "editor" },
	{ id: "sources", label: "Sources", href: "/admin/sources", role: "admin" },
	{ id: "staff", label: "Staff", href: "/admin/staff", role: "admin" },
	{ id: "tokens", label: "Tokens", href: "/admin/tokens", role: "contributor" },
	{ id: "passkeys", label: "Passkeys", href: "/admin/passkeys", role: "contributor" },
	{ id: "audit", label: "Audit", href: "/admin/audit", role: "admin" },
];

export type DeskLayoutProps = {
	/** The document title; " · edgewire newsroom" is appended. */
	title: string;
	/** Who is signed in; absent on the sign-in pages (no nav, no sign-out). */
	actor?: Actor | undefined;
	/** The section to mark as current in the nav. */
	active?: DeskSection | undefined;
	/** Asset names under /admin/assets/ to load as deferred scripts, e.g. `["editor.js"]`. */
	scripts?: readonly string[] | undefined;
	children: Child;
};

export function DeskLayout({ title, actor, active, scripts, children }: DeskLayoutProps) {
	return (
		<>
			{html`<!DOCTYPE html>`}
			<html lang="en">
				<head>
					<meta charset="utf-8" />
					<meta name="viewport" content="width=device-width, initial-scale=1" />
					<meta name="robots" content="noindex, nofollow" />
					<meta name="referrer" content="same-origin" />
					<meta name="color-scheme" content="light dark" />
					<title>{`${title} · edgewire newsroom`}</title>
					<link rel="stylesheet" href={assetUrl("desk.css")} />
					<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
					{(scripts ?? []).map((name) => (
						<script src={assetUrl(name)} defer />
					))}
				</head>
				<body>
					<a class="skip" href="#main">
						Skip to content
					</a>
					<header class="topbar">
						<a class="brand" href="/admin">
							edgewire <span>newsroom</span>
						</a>
						{actor ? <DeskNav actor={actor} active={active} /> : null}
						{actor ? <SignedIn actor={actor} /> : null}
					</header>
					<main id="main" class="desk-main" tabindex={-1}>
						{children}
					</main>
				</body>
			</html>
		</>
	);
}

function DeskNav({ actor, active }: { actor: Actor; active?: DeskSection | undefined }) {
	return (
		<nav class="desk-nav" aria-label="Newsroom">
			<ul>
				{NAV.filter((item) => hasRole(actor.role, item.role)).map((item) => (
					<li>
						<a href={item.href} aria-current={item.id === active ? "page" : undefined}>
							{item.label}
						</a>
					</li>
				))}
			</ul>
		</nav>
	);
}

function SignedIn({ actor }: { actor: Actor }) {
	return (
		<div class="who">
			<span>
				<strong>{actor.name}</strong> · {actor.role}
			</span>
			{/* The owner's bearer token has no session to end. */}
			{actor.via.kind === "session" ? (
				<form method="post" action="/admin/sign-out" class="inline">
					<button type="submit">Sign out</button>
				</form>
			) : null}
		</div>
	);
}

/** @module The page shell every HTML response shares: head, masthead, main column, footer. */

import { html } from "hono/html";
import type { Child } from "hono/jsx";
import { SITE_CSS } from "./styles";

export type LayoutProps = {
	siteName: string;
	/** The document title; the site name is appended. */
	title?: string;
	description?: string;
	children: Child;
};

export function Layout({ siteName, title, description, children }: LayoutProps) {
	return (
		<>
			{html`<!DOCTYPE html>`}
			<html lang="en">
				<head>
					<meta charset="utf-8" />
					<meta name="viewport" content="width=device-width, initial-scale=1" />
					<title>{title ? `${title} | ${siteName}` : siteName}</title>
					{description ? <meta name="description" content={description} /> : null}
					<meta name="color-scheme" content="light dark" />
					<style>{SITE_CSS}</style>
				</head>
				<body>
					<header class="masthead">
						<a class="brand" href="/">
							{siteName}
						</a>
					</header>
					{children}
					<footer class="site-footer">
						<p>{siteName}: news from the edge.</p>
					</footer>
				</body>
			</html>
		</>
	);
}

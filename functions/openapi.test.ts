// The OpenAPI document checked against the real router: a JSON route without an entry, or an
// entry without a route, fails here. Pages, feeds and the icon are listed as outside the API.
import { describe, expect, it } from "vitest";
import { getJson } from "../test/helpers";
import { app } from "./index";

/** Routes that answer HTML, XML, text or an image: readers' surface, not the JSON API. */
const OUTSIDE_THE_API = [
	"GET /",
	"GET /articles/{slug}",
	"GET /sections/{section}",
	"GET /search",
	"GET /archive",
	"GET /archive/{year}/{month}",
	"GET /archive/{year}/{month}/{day}",
	"GET /feed.xml",
	"GET /feed.json",
	"GET /sections/{section}/feed.xml",
	"GET /sections/{section}/feed.json",
	"GET /sitemap.xml",
	"GET /sitemaps/{file}",
	"GET /news-sitemap.xml",
	"GET /robots.txt",
	"GET /api/docs",
	"GET /favicon.svg",
	"GET /favicon.ico",
	// WebSub hubs' callback: a text challenge and an empty answer, not the JSON API.
	"GET /websub/{id}",
	"POST /websub/{id}",
];

/** The newsroom under /admin: its pages, their form posts and the browser's own calls, not the JSON API. */
function isNewsroomPage(route: string): boolean {
	return /^[A-Z]+ \/admin(\/|$)/.test(route);
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** `METHOD /path/{param}` for every handler the router has; `.use()` middleware registers as ALL. */
function routerRoutes(): string[] {
	const routes = app.routes
		.filter((route) => route.method !== "ALL")
		.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
	return [...new Set(routes)].sort();
}

type PathItem = Record<string, unknown> & { parameters?: { name: string; in: string }[] };

async function documentedRoutes(): Promise<{ routes: string[]; paths: Record<string, PathItem> }> {
	const { status, body } = await getJson<{ paths: Record<string, PathItem> }>("/api/openapi.json");
	expect(status).toBe(200);
	const routes = Object.entries(body.paths).flatMap(([path, item]) =>
		METHODS.filter((method) => item[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
	);
	return { routes: routes.sort(), paths: body.paths };
}

describe("the OpenAPI document against the router", () => {
	it("Should have an entry for every route the router answers outside the readers' pages", async () => {
		const { routes } = await documentedRoutes();
		const api = routerRoutes().filter((route) => !OUTSIDE_THE_API.includes(route) && !isNewsroomPage(route));
		expect(api.filter((route) => !routes.includes(route))).toEqual([]);
		// The document is not empty, so this also proves the router's routes were read at all.
		expect(api).toEqual(routes);
	});

	it("Should describe no route the router lacks", async () => {
		const { routes } = await documentedRoutes();
		const router = routerRoutes();
		expect(routes.filter((route) => !router.includes(route))).toEqual([]);
	});

	it("Should list as outside the API only routes the router has", () => {
		const router = routerRoutes();
		expect(OUTSIDE_THE_API.filter((route) => !router.includes(route))).toEqual([]);
	});

	it("Should declare each path's parameters as the router names them", async () => {
		const { paths } = await documentedRoutes();
		for (const [path, item] of Object.entries(paths)) {
			const named = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
			const declared = (item.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
			expect(declared, path).toEqual(named);
		}
	});
});

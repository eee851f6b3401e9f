/** @module The HTML error page (404, 500…) in the site's layout. */
import { Layout } from "./layout";

const TITLES: Record<number, string> = { 400: "Bad request", 404: "Page not found", 500: "Server error" };

export function ErrorPage({ status, message, siteName }: { status: number; message: string; siteName: string }) {
	const title = TITLES[status] ?? "Error";
	return (
		<Layout siteName={siteName || "edgewire"} title={title} description={message}>
			<main class="page" id="main">
				<section>
					<p class="section-label">Error {status}</p>
					<h1>{title}</h1>
					<p>{message}</p>
					<p>
						<a href="/">Back to the latest headlines</a>
					</p>
				</section>
			</main>
		</Layout>
	);
}

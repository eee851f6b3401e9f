/** @module The home page: the latest headlines, newest first. */
import type { SiteConfig } from "../config";
import type { Headline } from "../schemas/article";
import { HeadlineList } from "./headline-list";
import { Layout } from "./layout";

export function HomePage({ config, headlines, now }: { config: SiteConfig; headlines: Headline[]; now: Date }) {
	return (
		<Layout siteName={config.siteName} description={`The latest headlines from ${config.siteName}.`}>
			<main class="page" id="main">
				<section aria-labelledby="latest">
					<h1 id="latest">Latest headlines</h1>
					{headlines.length > 0 ? (
						<HeadlineList headlines={headlines} now={now} timeZone={config.timeZone} />
					) : (
						<p>No headlines yet.</p>
					)}
				</section>
			</main>
		</Layout>
	);
}

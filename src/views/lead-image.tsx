/** @module A lead image with its credit: on an article page, and on the home page's lead story. */
import type { Article } from "../schemas/article";

/**
 * The box is reserved before the image loads: by its width/height, else a 3:2 frame, so nothing
 * below it moves. Both places show it above the fold, so it loads at once, not lazily.
 */
export function LeadImage({ image }: { image: NonNullable<Article["image"]> }) {
	const sized = image.width !== undefined && image.height !== undefined;
	return (
		<figure class="lead-image">
			<img
				src={image.url}
				alt={image.alt}
				width={image.width}
				height={image.height}
				class={sized ? undefined : "ratio"}
				fetchpriority="high"
				decoding="async"
			/>
			{image.credit ? <figcaption>{image.credit}</figcaption> : null}
		</figure>
	);
}

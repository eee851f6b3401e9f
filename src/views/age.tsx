/** @module A `<time>` whose text is the age computed for this request. */
import { ageLabel } from "../age/scale";

export function Age({ publishedAt, now, timeZone }: { publishedAt: string; now: Date; timeZone: string }) {
	return (
		<time datetime={new Date(publishedAt).toISOString()} data-age="">
			{ageLabel(publishedAt, now, timeZone)}
		</time>
	);
}

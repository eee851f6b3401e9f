/** @module A desk error page (403, 404…) in the newsroom's shell, with a way back. */
import type { Actor } from "../../auth/actor";
import { Flash } from "./flash";
import { DeskLayout } from "./layout";

const TITLES: Record<number, string> = {
	400: "That request was not understood",
	401: "Please sign in",
	403: "Not allowed",
	404: "Not found",
	409: "Conflict",
	412: "Someone else saved first",
};

export function DeskErrorPage({
	status,
	message,
	actor,
}: {
	status: number;
	message: string;
	actor?: Actor | undefined;
}) {
	const title = TITLES[status] ?? "Something went wrong";
	return (
		<DeskLayout title={title} actor={actor}>
			<h1>{title}</h1>
			<Flash kind="error">
				<p>{message}</p>
			</Flash>
			<p>{status === 401 ? <a href="/admin/sign-in">Sign in</a> : <a href="/admin">Back to the articles</a>}</p>
		</DeskLayout>
	);
}

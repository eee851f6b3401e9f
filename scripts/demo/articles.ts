/**
 * @module Demo articles for `npm start`: our own writing, about invented places and people.
 * `minutesAgo` is turned into `publishedAt` at seeding time so the site's ages look live.
 */
export type DemoArticle = { slug: string; minutesAgo: number; article: Record<string, unknown> };

export const DEMO_ARTICLES: DemoArticle[] = [
	{
		slug: "night-ferries-return-to-the-northern-sound",
		minutesAgo: 20,
		article: {
			title: "Night ferries return to the northern sound after a two-year pause",
			dek: "Islanders can again reach the mainland after dark, though fares are up by a fifth.",
			section: "world",
			author: {
				name: "Tomas Reyne",
				bio: "Tomas Reyne reports on transport and island communities for edgewire.",
			},
			body: [
				"The first overnight crossing in two years left the harbour at Kelmouth at 11.40pm on Monday, carrying 62 passengers and a refrigerated lorry of shellfish.",
				"The route was suspended when the operator's older vessel failed an inspection. Its replacement, a hybrid ferry built at a yard down the coast, entered service this month.",
				"## Who benefits most?",
				"Hospital staff who commute from the islands have campaigned for the night service since it stopped. *It means I can take a late shift again*, said one nurse waiting at the ramp.",
				"Fares rise from 14 to 17 for a single adult crossing. The operator says the new boat burns less than half the fuel of the old one and that prices will be reviewed in spring.",
			].join("\n\n"),
			sourceUrl: "https://example.com/kelmouth-ferries",
			tags: ["transport", "islands"],
		},
	},
	{
		slug: "the-case-for-boring-bridges",
		minutesAgo: 28,
		article: {
			title: "Opinion: The case for boring bridges",
			dek: "Cities keep commissioning landmarks when what they need is a crossing that lasts.",
			section: "opinion",
			author: {
				name: "Hana Okafor",
				bio: "Hana Okafor is a structural engineer and writes a monthly column on infrastructure.",
			},
			body: [
				"Every few years a city announces a bridge that will *define its skyline*. Few ask what it will cost to paint, inspect and repair for the next century.",
				"## Why do we keep choosing spectacle?",
				"Because ribbon-cuttings happen once and maintenance budgets are invisible. A plain girder bridge is easy to inspect, cheap to repaint and simple to widen.",
				"> A bridge that nobody photographs is often a bridge that nobody has to close.",
				"None of this means ugliness. It means putting the money where the decades are: drainage, access for inspectors, and parts that can be replaced without closing the road.",
			].join("\n\n"),
			sourceUrl: "https://example.org/columns/boring-bridges",
		},
	},
	{
		slug: "market-hall-roof-to-be-rebuilt-in-timber",
		minutesAgo: 47,
		article: {
			title: "Market hall roof to be rebuilt in timber after council vote",
			section: "business",
			author: { name: "Priya Castell" },
			body: "Councillors voted 31 to 9 to replace the market hall's corroded steel roof with engineered timber.\n\nTraders will move to a temporary hall on the car park from March while the work is done.",
		},
	},
	{
		slug: "late-goal-keeps-harbour-town-top",
		minutesAgo: 55,
		article: {
			title: "Late goal keeps Harbour Town top of the table",
			section: "sport",
			author: { name: "Dee Lindqvist" },
			body: "A header in the 89th minute gave Harbour Town a 2-1 win over Ashby Rovers and a three-point lead at the top.\n\nThe winner came from a corner that the visitors insisted should have been a goal kick.",
		},
	},
	{
		slug: "glacier-survey-finds-faster-retreat",
		minutesAgo: 61,
		article: {
			title: "Glacier survey finds faster retreat on the eastern slopes",
			dek: "Drone measurements show the ice front moved back 38 metres in a year.",
			section: "science",
			author: { name: "Marit Solberg", bio: "Marit Solberg is edgewire's science correspondent." },
			body: "Researchers flew drones over the ice front every month from April to October.\n\n## What the numbers show\n\n- The eastern tongue retreated 38 metres.\n- The western tongue, shaded by a ridge, lost 11 metres.\n- Surface melt peaked three weeks earlier than in the previous survey.",
			sourceUrl: "https://example.net/glacier-survey-2026",
		},
	},
	{
		slug: "library-opens-its-map-archive",
		minutesAgo: 75,
		article: {
			title: "City library opens its map archive to the public",
			section: "culture",
			author: { name: "Jonah Wilde" },
			body: "More than 4,000 maps, some three centuries old, can now be viewed in the library's reading room by appointment.\n\nA selection has been scanned and will go online next year.",
		},
	},
	{
		slug: "water-rates-to-rise-in-april",
		minutesAgo: 100,
		article: {
			title: "Water rates to rise in April as the utility replaces old mains",
			section: "business",
			author: { name: "Priya Castell" },
			body: "Households will pay about 4 percent more from April. The utility says most of the increase pays for replacing cast-iron mains laid before 1950.",
		},
	},
	{
		slug: "school-orchestra-wins-regional-final",
		minutesAgo: 120,
		article: {
			title: "School orchestra wins the regional final with a piece written by a pupil",
			section: "culture",
			author: { name: "Jonah Wilde" },
			body: "The winning piece, a seven-minute suite about the estuary, was written by a 16-year-old cellist in the orchestra.",
		},
	},
	{
		slug: "rail-line-closure-extended",
		minutesAgo: 130,
		article: {
			title: "Coastal rail line closure extended by a week after landslip",
			section: "world",
			author: { name: "Tomas Reyne" },
			body: "Engineers found more loose ground above the cutting near Sallow Point. Replacement buses will keep running between the two stations.",
		},
	},
	{
		slug: "winter-shelter-opens-early",
		minutesAgo: 150,
		article: {
			title: "Winter shelter opens early as the first frost arrives",
			section: "world",
			author: { name: "Ama Boateng" },
			body: "The shelter on Dock Street opened two weeks ahead of schedule with 40 beds and a hot meal each evening.",
		},
	},
];

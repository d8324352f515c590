// Shared by the contract's users: the renderer sends it, the benchmarks measure with it (plain data, no zod).

/**
 * The equipment grid counts a search's matches only up to this many: counting
 * costs about 1 µs a match, 0.4 s for 363,000 of a city's million pieces, while the first page
 * walks an index and stops. Past it the grid says "超过 10,000 台" and scrolls on to the real
 * last row. 10,000 is about 10 ms of counting, and more than anyone reads through in a grid.
 * See docs/ARCHITECTURE.md, "Counting a grid's matches".
 */
export const GRID_TOTAL_CAP = 10_000;

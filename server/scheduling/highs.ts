import highsLoader from 'highs';

export type Highs = Awaited<ReturnType<typeof highsLoader>>;
export type HighsSolution = ReturnType<Highs['solve']>;

let loading: Promise<Highs> | undefined;
/** HiGHS compiled to WebAssembly, loaded once. */
export const loadHighs = () => (loading ??= highsLoader());

/** The value of a column in a HiGHS solution (0 for a column the solver left out). */
export const columnValue = (solution: HighsSolution, column: string) => (solution.Columns[column] as { Primal?: number } | undefined)?.Primal ?? 0;

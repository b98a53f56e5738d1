/** A node of `EXPLAIN (ANALYZE, FORMAT JSON)`'s plan, with what the plan tests read of it. */
export type Plan = {
  'Node Type': string;
  'Actual Rows': number;
  'Rows Removed by Filter'?: number;
  Plans?: Plan[];
};

const nodes = (plan: Plan): Plan[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** The plan's reads of a table or its indexes, with the entries each read (kept or filtered out). */
export const tableReads = (plan: Plan) =>
  nodes(plan)
    .filter((n) => /^(Seq|Index|Index Only|Bitmap Heap) Scan$/.test(n['Node Type']))
    .map((n) => ({
      type: n['Node Type'],
      read: n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0),
    }));

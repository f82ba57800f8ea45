/** Table columns written the same way everywhere: a code shown by its name from the code's table of names. */
import type { ReactNode } from 'react';

/** The code in `dataIndex` shown by its name in `names`, wrapped (in a tag, say) when `wrap` is given. */
export function namedColumn<K extends string>(
  title: string,
  dataIndex: string,
  names: Record<K, string>,
  wrap?: (name: string) => ReactNode,
) {
  return { title, dataIndex, render: (k: K) => (wrap ? wrap(names[k]) : names[k]) };
}

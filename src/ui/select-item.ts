/** One row of a select list: a stable key, the text shown, and what choosing it gives. Plain data, no React. */
export interface SelectListItem<V> {
  readonly key: string;
  readonly label: string;
  readonly value: V;
}

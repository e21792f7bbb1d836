/**
 * An append-only list that states share: appending to the newest list pushes in place instead
 * of copying, and every list sees only its own prefix, so older states stay exactly as they
 * were. A session's path then grows in linear time however long it gets.
 */
export class Chain<T> {
  private cached: readonly T[] | undefined;

  private constructor(private readonly items: T[], readonly length: number) {}

  static empty<T>(): Chain<T> {
    return new Chain<T>([], 0);
  }

  static from<T>(items: readonly T[]): Chain<T> {
    return new Chain([...items], items.length);
  }

  append(item: T): Chain<T> {
    if (this.items.length === this.length) {
      this.items.push(item);
      return new Chain(this.items, this.length + 1);
    }
    // An older state is branching off (e.g. after back): it gets its own copy.
    const copy = this.items.slice(0, this.length);
    copy.push(item);
    return new Chain(copy, copy.length);
  }

  /** This list's items as an array (made once per list, on first use). */
  toArray(): readonly T[] {
    this.cached ??= this.items.slice(0, this.length);
    return this.cached;
  }
}

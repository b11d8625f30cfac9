/**
 * Which producers' messages, of which types, can arrive at each destination — worked out per destination
 * when a rule asks. Eagerly, 50,000 producers fanned out to 10 queues each meant half a million maps and
 * sets built for rules that, in most scenarios, read a handful of them.
 */

/** What the arrivals need of a producer's link: its index, where it publishes, the types it emits. */
export interface PublishingLink {
  producer: { index: number };
  to: string | undefined;
  types: string[] | undefined;
}

/** The destinations a message of `type` published to `to` can reach, in the order the search meets them. */
export type Reach = (to: string, type: string) => readonly string[];

/** For each destination name: producer index → the types of its messages that can arrive there. */
export class Arrivals {
  /** Per destination, the (entry, type) searches that reach it. */
  private readonly searchesAt = new Map<string, number[]>();
  /** Per search, the link positions and type positions that publish into it, in link order. */
  private readonly publishers: { link: number; type: number }[][] = [];
  private readonly known = new Map<string, Map<number, Set<string>> | undefined>();

  constructor(
    private readonly links: readonly PublishingLink[],
    reach: Reach,
  ) {
    // One search per (entry, type): many producers publish to the same exchange.
    const searches = new Map<string, number>();
    links.forEach(({ to, types }, link) => {
      if (to === undefined || types === undefined) return;
      types.forEach((type, position) => {
        const key = `${to}\u0000${type}`;
        let search = searches.get(key);
        if (search === undefined) {
          search = this.publishers.length;
          searches.set(key, search);
          this.publishers.push([]);
          for (const name of reach(to, type)) {
            const at = this.searchesAt.get(name);
            if (at === undefined) this.searchesAt.set(name, [search]);
            else at.push(search);
          }
        }
        this.publishers[search].push({ link, type: position });
      });
    });
  }

  /** Producer index → the types that can arrive at `name`, producers in link order; undefined if none. */
  get(name: string): ReadonlyMap<number, ReadonlySet<string>> | undefined {
    if (this.known.has(name)) return this.known.get(name);
    const found = this.build(name);
    this.known.set(name, found);
    return found;
  }

  private build(name: string): Map<number, Set<string>> | undefined {
    const searches = this.searchesAt.get(name);
    if (searches === undefined) return undefined;
    const publishing = searches.flatMap((search) => this.publishers[search]);
    publishing.sort((a, b) => a.link - b.link || a.type - b.type);
    const byProducer = new Map<number, Set<string>>();
    for (const { link, type } of publishing) {
      const { producer, types } = this.links[link];
      const arriving = byProducer.get(producer.index) ?? new Set<string>();
      byProducer.set(producer.index, arriving);
      arriving.add((types as string[])[type]);
    }
    return byProducer;
  }
}

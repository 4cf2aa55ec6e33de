package dev.nn.app.tune;

/**
 * One of N disjoint parts of a search, {@code --shard K/N}: trial i (counting settings × seeds in the search's
 * order from 0) belongs to part (i mod N) + 1, so that parts take turns through the grid and finish alike. Any job
 * runner can spread a search this way (a Slurm array, a Kubernetes indexed Job, GNU parallel over ssh); the parts'
 * CSV rows, put under one header, are the rows the whole search writes.
 *
 * @param k this part, 1..n
 * @param n the number of parts
 */
public record Shard(int k, int n) {

    /** The whole search, in one part. */
    public static final Shard ALL = new Shard(1, 1);

    /** Checks 1 ≤ k ≤ n. */
    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("--shard " + k + "/" + n + ": K/N needs 1 ≤ K ≤ N");
        }
    }

    /** {@code K/N} as the flag takes it. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // the line below says what is expected
        }
        throw new IllegalArgumentException("--shard " + text + ": expected K/N, e.g. 2/4 for the second of four parts");
    }

    /** Whether trial {@code index} of the search is in this part. */
    public boolean includes(int index) {
        return index % n == k - 1;
    }

    /** Whether this is the whole search. */
    public boolean whole() {
        return n == 1;
    }
}

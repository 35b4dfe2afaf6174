package org.genericpool.bench;

/**
 * The limits of one scenario.
 *
 * @param endpoints      how many endpoints the operations spread over
 * @param maxPerEndpoint the most connections per endpoint
 * @param totalMax       the most connections in the pool (pools that have such a limit)
 */
public record PoolSpec(int endpoints, int maxPerEndpoint, int totalMax) {

    public PoolSpec {
        if (endpoints < 1 || maxPerEndpoint < 1 || totalMax < maxPerEndpoint) {
            throw new IllegalArgumentException("bad spec: " + endpoints + "/" + maxPerEndpoint + "/" + totalMax);
        }
    }

    /** @return a spec whose total limit never binds: every endpoint may fill up */
    public static PoolSpec unbound(int endpoints, int maxPerEndpoint) {
        return new PoolSpec(endpoints, maxPerEndpoint, Math.multiplyExact(endpoints, maxPerEndpoint));
    }

    /** @return whether the total limit can bind */
    public boolean totalBinds() {
        return (long) endpoints * maxPerEndpoint > totalMax;
    }
}

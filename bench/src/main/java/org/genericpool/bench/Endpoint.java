package org.genericpool.bench;

/**
 * The endpoint (key) every pool is asked for: a small immutable value with a cheap, well spread
 * hash, created once per trial so that no benchmark operation allocates one.
 */
public final class Endpoint {

    private final int id;

    public Endpoint(int id) {
        this.id = id;
    }

    /** @return the endpoint's number, 0 .. count - 1 */
    public int id() {
        return id;
    }

    /** @return {@code count} endpoints numbered 0 .. count - 1 */
    public static Endpoint[] range(int count) {
        Endpoint[] endpoints = new Endpoint[count];
        for (int i = 0; i < count; i++) {
            endpoints[i] = new Endpoint(i);
        }
        return endpoints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint && ((Endpoint) o).id == id;
    }

    @Override
    public int hashCode() {
        return id * 0x9E3779B9;
    }

    @Override
    public String toString() {
        return "endpoint-" + id;
    }
}

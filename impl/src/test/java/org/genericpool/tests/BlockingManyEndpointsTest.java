package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ManyEndpointsContract} against the blocking pool. */
class BlockingManyEndpointsTest extends ManyEndpointsContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ManyEndpointsContract} against the async pool. */
class AsyncManyEndpointsTest extends ManyEndpointsContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

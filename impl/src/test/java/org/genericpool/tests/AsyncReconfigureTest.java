package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ReconfigureContract} against the async pool. */
class AsyncReconfigureTest extends ReconfigureContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

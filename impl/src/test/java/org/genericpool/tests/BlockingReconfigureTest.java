package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ReconfigureContract} against the blocking pool. */
class BlockingReconfigureTest extends ReconfigureContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

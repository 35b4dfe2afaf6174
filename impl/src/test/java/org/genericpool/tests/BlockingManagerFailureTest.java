package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ManagerFailureContract} against the blocking pool. */
class BlockingManagerFailureTest extends ManagerFailureContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

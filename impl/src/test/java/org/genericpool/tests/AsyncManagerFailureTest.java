package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ManagerFailureContract} against the async pool. */
class AsyncManagerFailureTest extends ManagerFailureContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

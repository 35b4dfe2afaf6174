package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ExpiryContract} against the async pool. */
class AsyncExpiryTest extends ExpiryContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

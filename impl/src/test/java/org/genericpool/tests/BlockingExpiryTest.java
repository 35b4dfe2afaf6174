package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link ExpiryContract} against the blocking pool. */
class BlockingExpiryTest extends ExpiryContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

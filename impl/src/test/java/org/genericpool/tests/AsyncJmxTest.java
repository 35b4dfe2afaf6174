package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link JmxContract} against the async pool. */
class AsyncJmxTest extends JmxContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link JmxContract} against the blocking pool. */
class BlockingJmxTest extends JmxContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

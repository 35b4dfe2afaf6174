package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link MisuseContract} against the blocking pool. */
class BlockingMisuseTest extends MisuseContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

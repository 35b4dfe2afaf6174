package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link MisuseContract} against the async pool. */
class AsyncMisuseTest extends MisuseContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

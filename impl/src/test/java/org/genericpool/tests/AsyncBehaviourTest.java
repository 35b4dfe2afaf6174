package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link BehaviourContract} against the async pool. */
class AsyncBehaviourTest extends BehaviourContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }
}

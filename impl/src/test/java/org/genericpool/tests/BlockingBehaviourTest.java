package org.genericpool.tests;

import org.genericpool.tests.support.Flavour;

/** {@link BehaviourContract} against the blocking pool. */
class BlockingBehaviourTest extends BehaviourContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }
}

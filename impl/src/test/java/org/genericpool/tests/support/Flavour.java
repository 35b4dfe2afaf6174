package org.genericpool.tests.support;

/** The two pool flavours every contract test runs against. */
public enum Flavour {
    BLOCKING, ASYNC
}

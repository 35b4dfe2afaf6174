/**
 * The {@link java.util.concurrent.CompletableFuture} flavour of the pool and its connection manager SPI.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.async;

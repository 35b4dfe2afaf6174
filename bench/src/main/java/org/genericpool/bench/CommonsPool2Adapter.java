package org.genericpool.bench;

import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * Apache Commons Pool 2 {@link GenericKeyedObjectPool}: keyed natively, enforces a total and
 * evicts the oldest idle object of any key when the total binds. {@code maxIdlePerKey} is
 * raised to the per-key maximum, or the pool would destroy returned objects. No evictor thread,
 * no tests on borrow or return, no JMX registration, waits without limit.
 */
final class CommonsPool2Adapter implements PoolAdapter<BenchConnection> {

    private final GenericKeyedObjectPool<Endpoint, BenchConnection> pool;

    CommonsPool2Adapter(PoolSpec spec, Connections connections) {
        GenericKeyedObjectPoolConfig<BenchConnection> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(spec.maxPerEndpoint());
        config.setMaxIdlePerKey(spec.maxPerEndpoint());
        config.setMinIdlePerKey(0);
        config.setMaxTotal(spec.totalMax());
        config.setBlockWhenExhausted(true);
        config.setTestOnBorrow(false);
        config.setTestOnReturn(false);
        config.setTestWhileIdle(false);
        config.setJmxEnabled(false);
        pool = new GenericKeyedObjectPool<>(new Factory(connections), config);
    }

    @Override
    public BenchConnection acquire(Endpoint endpoint) throws Exception {
        return pool.borrowObject(endpoint);
    }

    @Override
    public void release(Endpoint endpoint, BenchConnection connection) {
        pool.returnObject(endpoint, connection);
    }

    @Override
    public boolean enforcesTotal() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class Factory extends BaseKeyedPooledObjectFactory<Endpoint, BenchConnection> {
        private final Connections connections;

        Factory(Connections connections) {
            this.connections = connections;
        }

        @Override
        public BenchConnection create(Endpoint key) {
            return connections.create(key);
        }

        @Override
        public PooledObject<BenchConnection> wrap(BenchConnection value) {
            return new DefaultPooledObject<>(value);
        }

        @Override
        public void destroyObject(Endpoint key, PooledObject<BenchConnection> p) {
            connections.dispose(p.getObject());
        }
    }
}

package org.genericpool.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which configuration properties a pool service repeats. */
class ServicesTest {

    /** Public configuration properties and the PIDs are kept; private (dot) ones and SCR's/the framework's are not. */
    @Test
    void poolServicePropertiesKeepPublicConfigurationOnly() {
        Map<String, Object> in = new HashMap<>();
        in.put("pool.name", "p");
        in.put("max.size", 3);
        in.put("service.pid", "org.genericpool.pool~a");
        in.put("service.factoryPid", "org.genericpool.pool");
        in.put(".secret", "x");
        in.put("component.name", "org.genericpool.pool");
        in.put("component.id", 7L);
        in.put("objectClass", new String[] {"x"});
        in.put("service.id", 3L);
        assertEquals(Map.of("pool.name", "p", "max.size", 3, "service.pid", "org.genericpool.pool~a",
                "service.factoryPid", "org.genericpool.pool"), Services.poolServiceProperties(in));
    }
}

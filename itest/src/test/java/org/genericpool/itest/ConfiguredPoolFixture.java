package org.genericpool.itest;

import java.net.InetSocketAddress;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the tests of configured pools share: the injected services, an echo server and its
 * endpoint, the captured log, and two test managers of the flavour under test registered with
 * {@code genericpool.manager} = {@code itest} and {@code itest-other}. Pax Exam injects the
 * superclass's {@code @Inject} fields too.
 */
public abstract class ConfiguredPoolFixture {

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configAdmin;

    protected EchoServer server;
    protected InetSocketAddress endpoint;
    protected CapturingLog log;
    private ServiceRegistration<?> itestManager;
    private ServiceRegistration<?> otherManager;

    /** @return the service interface the test managers are registered under */
    protected abstract Class<?> managerService();

    /** @return a new test manager of the flavour under test */
    protected abstract Object newManager();

    /** Starts the echo server and registers the two test managers. */
    @Before
    public void setUp() throws Exception {
        server = new EchoServer();
        endpoint = server.address();
        log = new CapturingLog(context);
        itestManager = context.registerService(managerService().getName(), newManager(),
                Itest.props("genericpool.manager", "itest"));
        otherManager = context.registerService(managerService().getName(), newManager(),
                Itest.props("genericpool.manager", "itest-other"));
    }

    /** Unregisters the managers and stops the server. */
    @After
    public void tearDown() throws Exception {
        itestManager.unregister();
        otherManager.unregister();
        log.close();
        server.close();
    }
}

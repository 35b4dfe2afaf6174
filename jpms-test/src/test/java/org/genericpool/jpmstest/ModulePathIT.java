package org.genericpool.jpmstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Launches {@link Main} in a new JVM (the same JDK as the test's) with only the application,
 * {@code org.genericpool}, {@code org.genericpool.impl} and {@code org.genericpool.contrib.tcp} on the module path: no class path,
 * no OSGi jar.
 */
class ModulePathIT {

    /** The longest the launched application may take. */
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * The application creates a pool through {@code ConnectionPools}, finds the engine as an
     * explicit named module, uses the TCP contrib's manager (a named module too), echoes over one pooled TCP connection twice and sees the pool's MXBean.
     */
    @Test
    void applicationRunsOnThePlainModulePath() throws Exception {
        String modulePath = System.getProperty("jpms.module.path");
        for (String entry : modulePath.split(File.pathSeparator)) {
            assertTrue(new File(entry).isFile(), "module path entry built: " + entry);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "--module-path=" + modulePath,
                "-m", "org.genericpool.jpmstest/org.genericpool.jpmstest.Main"))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("application did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("jpms: app=org.genericpool.jpmstest api=org.genericpool(explicit) "
                + "engine=org.genericpool.impl(explicit) manager=org.genericpool.contrib.tcp(explicit) osgi=false echo=ping,pong reused=true created=1 mbean=true"),
                output);
    }
}

package org.genericpool.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Runs the README's command, {@code java -jar demo/target/genericpool-demo.jar}, for a short run. */
class OsgiDemoIT {

    /** The longest the 2-second demo run may take, start and shutdown included. */
    private static final long TIMEOUT_SECONDS = 60;
    /** The README promises a start under 3 s; a loaded 2-core CI machine gets some slack. */
    private static final long MAX_START_MILLIS = 5_000;

    /**
     * The one-jar runtime starts Felix with SCR, ConfigAdmin and Metatype, gets its TCP, async TCP,
     * TLS and Unix-socket pools from ConfigAdmin, prints the MXBean tables, applies the live update to the same pool without
     * disposing a connection, closes the pools by deleting their configurations with every
     * connection disposed, and exits 0.
     */
    @Test
    void oneJarOsgiDemoRunsAndExitsCleanly() throws Exception {
        File jar = new File(System.getProperty("demo.jar"));
        assertTrue(jar.isFile(), "built: " + jar);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.getPath(), "2"))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("demo did not exit within " + TIMEOUT_SECONDS + " s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        Matcher start = Pattern.compile("OSGi framework org\\.apache\\.felix\\.framework \\S+ with SCR, ConfigAdmin and "
                + "Metatype; pools \\[demo-tcp, demo-async, demo-tls, demo-unix\\] registered through ConfigAdmin (\\d+) ms "
                + "after JVM start")
                .matcher(out);
        assertTrue(start.find(), out);
        assertTrue(Long.parseLong(start.group(1)) < MAX_START_MILLIS, out);
        assertTrue(out.contains("-- 1s demo-tcp: size="), out);
        assertTrue(out.contains("-- 1s demo-tls: size="), out);
        assertTrue(out.contains("-- 1s demo-unix: size="), out);
        assertTrue(out.contains("endpoint                   total acquired  idle pending  created disposed  dead acquires "
                + "timeouts"), out);
        assertTrue(out.contains("== live update of demo-tcp through ConfigAdmin: max.size 2 -> 5, min.idle -> 2; "
                + "same pool object: true; connections disposed by the update: 0"), out);
        assertTrue(out.contains("(minIdle=2 maxSize=5 totalMaxSize=16)"), out);
        assertTrue(Pattern.compile("configurations deleted: pools closed, every connection disposed: "
                + "demo-tcp created=(\\d+) disposed=\\1 demo-async created=(\\d+) disposed=\\2 "
                + "demo-tls created=([1-9]\\d*) disposed=\\3 demo-unix created=([1-9]\\d*) disposed=\\4 -> OK")
                .matcher(out).find(), out);
        assertTrue(!out.contains("request failed"), out);
        assertTrue(!out.contains("Exception"), out);
    }
}

package fr.academie.e2e;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JDK Flight Recorder recording of another JVM of the stack, started and stopped with {@code jcmd} (the JDK's own
 * tool, beside the {@code java} running this), and its execution samples split by cause: a sample goes to the first
 * cause, in the order given, that has a frame of its packages anywhere in the sample's stack — so a JDBC call made by
 * an event listener counts for the listener, not for "database".
 */
final class JfrProfile {

    /** A cause and the class-name prefixes whose frames show it. */
    record Cause(String name, List<String> prefixes) {

        Cause(String name, String... prefixes) {
            this(name, List.of(prefixes));
        }

        boolean shows(RecordedFrame frame) {
            String type = frame.getMethod().getType().getName();
            return prefixes.stream().anyMatch(type::startsWith);
        }
    }

    private static final String NAME = "portail-bench";

    private final long pid;

    private JfrProfile(long pid) {
        this.pid = pid;
    }

    /** Starts a recording with JFR's {@code profile} settings (execution samples every 10 ms per thread). */
    static JfrProfile start(long pid) {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
        return new JfrProfile(pid);
    }

    /** Stops the recording and writes it to the file. */
    Path stop(Path file) {
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return file;
    }

    /** Execution samples per cause, in the order of the causes, then "other" for a sample none of them shows. */
    static Map<String, Long> split(Path recording, List<Cause> causes) throws IOException {
        Map<String, Long> samples = new LinkedHashMap<>();
        causes.forEach(cause -> samples.put(cause.name(), 0L));
        samples.put("other", 0L);
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String cause = causes.stream().filter(c -> frames.stream().anyMatch(c::shows)).map(Cause::name)
                        .findFirst().orElse("other");
                samples.merge(cause, 1L, Long::sum);
            }
        }
        return samples;
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package fr.academie.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A server started as a child process, its output in a log file, stopped with its whole process tree. */
public final class ChildProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every child still running: whatever way this JVM ends, none of them outlives it. */
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::close), "child-processes-stop"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final long launched;

    private ChildProcess(String name, Process process, Path log, long launched) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.launched = launched;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        return start(name, command, env, workDir, log, false);
    }

    /** Starts the process; {@code append} keeps what the log holds (a restart after a crash: its cause stays there). */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log,
                                     boolean append) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            long launched = System.nanoTime();
            ChildProcess child = new ChildProcess(name, builder.start(), log, launched);
            RUNNING.add(child);
            return child;
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** {@link System#nanoTime()} just before the process was started: where a benchmark of start-up counts from. */
    public long launchedNanos() {
        return launched;
    }

    /**
     * The id of the JVM this runs, for a profiler or {@code /proc}: the process's own, or its child's for a launch script
     * that starts its JVM as a child (Keycloak's {@code kc.sh}).
     */
    public long jvmPid() {
        return process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /**
     * Sends the process a signal by name ({@code STOP}: it stops answering, its connections stay open — a hung service;
     * {@code CONT}: it goes on), as {@code kill -s} would.
     */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new StackException("kill -s " + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new StackException("kill -s " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the process ends, however it ends. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** Polls the URL until it answers 200; fails early, with the end of the log, if the process dies. */
    public void awaitReady(URI url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name + " stopped during start-up (exit " + process.exitValue() + "). End of "
                        + log + ":\n" + tail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new StackException(name + " did not answer " + url + " within " + timeout.toSeconds() + " s. End of "
                + log + ":\n" + tail());
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever is left after the grace period. */
    @Override
    public void close() {
        RUNNING.remove(this);
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, as a crash would end it: no shutdown hook, no graceful close of anything it was doing. */
    public void kill() {
        RUNNING.remove(this);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}

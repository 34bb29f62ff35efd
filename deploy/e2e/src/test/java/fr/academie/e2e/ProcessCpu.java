package fr.academie.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The processor time each part of the stack has used so far, read from Linux's {@code /proc} (a benchmark's
 * "where did the cores go"): PostgreSQL's processes, Keycloak, each service, this JVM (the load generator), the rest.
 * Empty where there is no {@code /proc}.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private ProcessCpu() {
    }

    /** Starts counting each part's processor time, to be read per operation (a benchmark's cost, not only its rate). */
    static Meter meter() {
        return new Meter(now(), System.nanoTime());
    }

    /** Each part's processor time from a start. */
    record Meter(Map<String, Double> before, long began) {

        /** What each part used since the start. */
        Usage stop() {
            return new Usage(used(before, now()), (System.nanoTime() - began) / 1e9);
        }
    }

    /** Each part's processor time (seconds) over a period of so many seconds. */
    record Usage(Map<String, Double> seconds, double period) {

        /**
         * Prints, for each part, its processor time per operation in milliseconds (which is also its seconds per
         * 1,000 operations) and the cores it kept busy meanwhile.
         */
        void print(String operation, long operations) {
            System.out.printf("  processor time per %s (ms, = s per 1,000) and cores busy, by part:%n", operation);
            seconds.forEach((part, used) -> System.out.printf("    %-18s %8.2f ms  %5.2f cores%n", part,
                    used * 1000 / Math.max(1, operations), used / period));
        }

        /** The same on one line, without the parts that did nothing (under 0.01 ms per operation). */
        String perOperation(long operations) {
            StringBuilder line = new StringBuilder();
            seconds.forEach((part, used) -> {
                double ms = used * 1000 / Math.max(1, operations);
                if (ms >= 0.01) {
                    line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %.2f", part, ms));
                }
            });
            return line + " ms";
        }
    }

    /** Seconds of processor time per part, for the processes alive now. */
    static Map<String, Double> now() {
        Map<String, Double> parts = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String part = part(Long.parseLong(p.getFileName().toString()) == self, stat, p);
                    parts.merge(part, seconds(stat), Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return parts;
    }

    /**
     * Seconds of processor time of one JVM's threads so far, by what they do: its JIT compilers, its garbage collector,
     * its other internal threads, and the threads that run the application ({@code /proc/<pid>/task}; thread names as
     * HotSpot gives them, cut to 15 characters by Linux).
     */
    static Map<String, Double> jvmThreads(long pid) {
        Map<String, Double> kinds = new TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    kinds.merge(kind(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))), seconds(stat), Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /**
     * What each key used between two readings, in seconds. A part that was killed and started again in between counts
     * from its new process only (less than it used, even below zero): read costs from a period without faults.
     */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((key, total) -> used.put(key, total - before.getOrDefault(key, 0.0)));
        return used;
    }

    private static String kind(String thread) {
        if (thread.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.startsWith("VM Periodic")
                || thread.equals("VM Thread")) {
            return "garbage collector and VM operations";
        }
        return "application threads";
    }

    /** User + system time of a {@code stat} line (the fields after the name, which may hold spaces). */
    private static double seconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    private static String part(boolean self, String stat, Path process) throws IOException {
        if (self) {
            return "load generator";
        }
        if (stat.contains("(postgres)")) {
            return "PostgreSQL";
        }
        String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        // the services first: their command lines name Keycloak's address too
        for (String service : new String[] {"mail-service", "auth-gateway", "iprof-service", "colibris-service", "keycloak"}) {
            if (command.contains(service)) {
                return service;
            }
        }
        return "other";
    }
}

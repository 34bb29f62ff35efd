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

    /** Seconds of processor time per part, for the processes alive now. */
    static Map<String, Double> now() {
        Map<String, Double> parts = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
                    String part = part(Long.parseLong(p.getFileName().toString()) == self, stat, p);
                    parts.merge(part, seconds, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return parts;
    }

    /** What each part used between two readings, in cores (seconds of processor per second of time). */
    static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> cores = new TreeMap<>();
        after.forEach((part, used) -> cores.put(part, (used - before.getOrDefault(part, 0.0)) / seconds));
        return cores;
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

package uk.gov.childrenshomes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a JVM's unified GC log ({@code -Xlog:gc,gc+init,gc+heap+exit}): the maximum heap the JVM could
 * grow to, and the largest heap occupancy it reached, which is the occupancy before the fullest collection or at
 * exit, whichever is larger (between collections the heap only grows, so these are its local maxima).
 *
 * @param maxHeapBytes      "Heap Max Capacity" (gc+init), null if not logged
 * @param peakHeapUsedBytes null if the JVM neither collected nor logged its heap at exit
 */
public record GcLog(Long maxHeapBytes, Long peakHeapUsedBytes) {

    /** Asked of every JVM the bench starts, through JAVA_TOOL_OPTIONS; %p makes one file per JVM. */
    static final String FILE_PATTERN = "gc-%p.log";

    private static final Pattern MAX_CAPACITY = Pattern.compile("Heap Max Capacity: (\\d+)([KMGT]?)");
    private static final Pattern COLLECTION = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)([KMGT])->(\\d+)([KMGT])\\((\\d+)([KMGT])\\)");
    private static final Pattern AT_EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    /** The {@code -Xlog} option that writes the log this class reads into {@code folder}. */
    static String loggingOption(Path folder) {
        String path = folder.toAbsolutePath().resolve(FILE_PATTERN).toString();
        if (path.contains(" ")) {
            // JAVA_TOOL_OPTIONS is split on spaces: a path with one would break every JVM the bench starts
            throw new IllegalArgumentException("The bench work folder must have no space in its path: " + folder);
        }
        return "-Xlog:gc,gc+init,gc+heap+exit:file=" + path + ":uptime,pid";
    }

    /** The log of the JVM with {@code pid} in {@code folder}. */
    static Path fileOf(Path folder, long pid) {
        return folder.resolve(FILE_PATTERN.replace("%p", Long.toString(pid)));
    }

    public static GcLog read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GC log " + file, e);
        }
    }

    public static GcLog parse(List<String> lines) {
        Long maxHeap = null;
        Long peakUsed = null;
        for (String line : lines) {
            Matcher capacity = MAX_CAPACITY.matcher(line);
            if (capacity.find()) {
                maxHeap = bytes(capacity.group(1), capacity.group(2));
                continue;
            }
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                peakUsed = max(peakUsed, bytes(collection.group(1), collection.group(2)));
                continue;
            }
            Matcher exit = AT_EXIT.matcher(line);
            if (exit.find()) {
                peakUsed = max(peakUsed, bytes(exit.group(2), "K"));
            }
        }
        return new GcLog(maxHeap, peakUsed);
    }

    private static Long max(Long current, long candidate) {
        return current == null ? candidate : Math.max(current, candidate);
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            case "T" -> value << 40;
            default -> value;
        };
    }
}

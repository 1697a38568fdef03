package uk.gov.childrenshomes.bench;

/**
 * A child JVM with a known footprint for the stage runner tests: holds {@code args[0]} MiB of touched heap for
 * {@code args[1]} milliseconds (default 300: several polls of the monitor after the peak), so both its resident set
 * and its heap in use pass that size.
 */
public final class MemoryHog {

    private static byte[][] held;

    private MemoryHog() {
    }

    public static void main(String[] args) throws InterruptedException {
        int mebibytes = Integer.parseInt(args[0]);
        held = new byte[mebibytes][];
        for (int i = 0; i < mebibytes; i++) {
            held[i] = new byte[1 << 20];
            for (int page = 0; page < held[i].length; page += 4096) {
                held[i][page] = 1; // touch every page so it is resident, not just reserved
            }
        }
        Thread.sleep(args.length > 1 ? Long.parseLong(args[1]) : 300);
        System.out.println("held " + held.length + " MiB");
    }
}

package uk.gov.childrenshomes.generator.faults;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static uk.gov.childrenshomes.generator.output.DateText.DATE;
import static uk.gov.childrenshomes.generator.output.DateText.DATE_TIME;
import static uk.gov.childrenshomes.generator.output.DateText.date;
import static uk.gov.childrenshomes.generator.output.DateText.dateTime;

/**
 * Injects realistic faults into the rows of an LA's CSV file: each row is faulted with probability {@code rate}, by
 * one fault drawn from those that make sense for the file and the row, and every fault is recorded with the row
 * number it ends up at. A row is faulted at most once, and faults that involve the child's previous row (overlaps)
 * are only made against an unfaulted one, so each recorded fault is the only thing wrong with its row.
 */
public final class FaultInjector {

    /** The files that receive faults, by return and file name pattern. */
    public enum FaultableFile {
        SSDA903_HEADER, SSDA903_EPISODES, SSDA903_MISSING, MISSING_RETURN, OVERSIGHT_RETURN
    }

    private interface Mutation {
        /** Changes {@code row} and returns true, or returns false (row untouched) if the fault does not fit it. */
        boolean apply(String[] row, String[] previousOfChild, SplittableRandom random);
    }

    private record Option(FaultKind kind, String field, Mutation mutation) {
    }

    private final double rate;

    public FaultInjector(double rate) {
        this.rate = rate;
    }

    public boolean active() {
        return rate > 0;
    }

    /**
     * Returns the rows with faults injected (duplicates add rows) and appends the faults to {@code faults}.
     * {@code file} names the file in the ground truth; {@code columns} is its header.
     */
    public List<String[]> inject(FaultableFile kind, String laCode, String returnName, String file, List<String> columns,
                                 List<String[]> rows, SplittableRandom random, List<InjectedFault> faults) {
        if (rate <= 0) {
            return rows;
        }
        List<Option> options = options(kind, columns);
        int childColumn = columns.indexOf("CHILD");
        List<String[]> out = new ArrayList<>(rows.size() + rows.size() / 20);
        BitSet faulted = new BitSet();
        Map<String, Integer> lastRowOfChild = new HashMap<>();
        for (String[] original : rows) {
            String[] row = original.clone();
            String child = original[childColumn];
            Integer previousIndex = lastRowOfChild.get(child);
            String[] previous = previousIndex != null && !faulted.get(previousIndex) ? out.get(previousIndex) : null;
            Option applied = random.nextDouble() < rate ? applyOne(options, row, previous, random) : null;
            out.add(row);
            if (applied != null && applied.kind != FaultKind.DUPLICATE_ROW) {
                faulted.set(out.size() - 1);
                faults.add(new InjectedFault(laCode, returnName, file, out.size(), applied.kind, applied.field));
            }
            if (applied != null && applied.kind == FaultKind.DUPLICATE_ROW) {
                out.add(row.clone());
                faulted.set(out.size() - 1);
                faults.add(new InjectedFault(laCode, returnName, file, out.size(), applied.kind, applied.field));
            }
            lastRowOfChild.put(child, out.size() - 1);
        }
        return out;
    }

    /** Tries the options from a random one onwards until one fits; a duplicate always fits (the caller copies). */
    private static Option applyOne(List<Option> options, String[] row, String[] previous, SplittableRandom random) {
        int first = random.nextInt(options.size());
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get((first + i) % options.size());
            if (option.kind == FaultKind.DUPLICATE_ROW || option.mutation.apply(row, previous, random)) {
                return option;
            }
        }
        return null;
    }

    private static List<Option> options(FaultableFile kind, List<String> columns) {
        return switch (kind) {
            case SSDA903_HEADER -> List.of(
                    invalidDate(columns, "DOB", false),
                    unknownCode(columns, "SEX", "9"),
                    blank(columns, "ETHNIC"),
                    duplicate("CHILD"));
            case SSDA903_EPISODES -> List.of(
                    invalidDate(columns, "DECOM", false),
                    endBeforeStart(columns, "DECOM", "DEC", false),
                    unknownCode(columns, "PLACE", "K9"),
                    blank(columns, "LS"),
                    overlap(FaultKind.OVERLAPPING_EPISODES, columns, "DECOM", "DEC", false),
                    urnFault(FaultKind.K2_WITHOUT_URN, columns, "PLACE"),
                    urnFault(FaultKind.UNKNOWN_URN, columns, "PLACE"),
                    malformedPostcode(columns, "PL_POST"),
                    duplicate("DECOM"),
                    childNotInHeader(columns));
            case SSDA903_MISSING -> List.of(
                    invalidDate(columns, "MIS_START", false),
                    endBeforeStart(columns, "MIS_START", "MIS_END", false),
                    unknownCode(columns, "MISSING", "X"),
                    overlap(FaultKind.OVERLAPPING_MISSING, columns, "MIS_START", "MIS_END", false),
                    duplicate("MIS_START"));
            case MISSING_RETURN -> List.of(
                    invalidDate(columns, "MIS_START", true),
                    endBeforeStart(columns, "MIS_START", "MIS_END", true),
                    unknownCode(columns, "MISSING_TYPE", "X"),
                    blank(columns, "CHILD"),
                    overlap(FaultKind.OVERLAPPING_MISSING, columns, "MIS_START", "MIS_END", true),
                    duplicate("INCIDENT_ID"),
                    interviewHeldThoughDeclined(columns));
            case OVERSIGHT_RETURN -> List.of(
                    invalidDate(columns, "DECOM", false),
                    unknownCode(columns, "APPROVED_BY", "CEO"),
                    blank(columns, "EMERGENCY"),
                    urnFault(FaultKind.K2_WITHOUT_URN, columns, "PLACE"),
                    urnFault(FaultKind.UNKNOWN_URN, columns, "PLACE"),
                    duplicate("DECOM"));
        };
    }

    /** 30 February, or the ISO order some systems export: neither is a dd/mm/yyyy date. */
    private static Option invalidDate(List<String> columns, String field, boolean withTime) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.INVALID_DATE, field, (row, previous, random) -> {
            String text = row[column];
            if (text.length() < 10) {
                return false;
            }
            String time = withTime ? text.substring(10) : "";
            row[column] = random.nextBoolean()
                    ? "30/02/" + text.substring(6, 10) + time
                    : text.substring(6, 10) + "-" + text.substring(3, 5) + "-" + text.substring(0, 2) + time;
            return true;
        });
    }

    private static Option endBeforeStart(List<String> columns, String startField, String endField, boolean withTime) {
        int start = columns.indexOf(startField);
        int end = columns.indexOf(endField);
        return new Option(FaultKind.END_BEFORE_START, endField, (row, previous, random) -> {
            if (row[end].isEmpty()) {
                return false;
            }
            row[end] = withTime
                    ? dateTime(LocalDateTime.parse(row[start], DATE_TIME).minusHours(1 + random.nextInt(48)))
                    : date(LocalDate.parse(row[start], DATE).minusDays(1 + random.nextInt(30)));
            return true;
        });
    }

    private static Option unknownCode(List<String> columns, String field, String code) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.UNKNOWN_CODE, field, (row, previous, random) -> {
            row[column] = code;
            return true;
        });
    }

    private static Option blank(List<String> columns, String field) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.BLANK_REQUIRED, field, (row, previous, random) -> {
            if (row[column].isEmpty()) {
                return false;
            }
            row[column] = "";
            return true;
        });
    }

    /** Moves the start back inside the child's previous (unfaulted) period, which must be long enough to hold it. */
    private static Option overlap(FaultKind kind, List<String> columns, String startField, String endField,
                                  boolean withTime) {
        int start = columns.indexOf(startField);
        int end = columns.indexOf(endField);
        return new Option(kind, startField, (row, previous, random) -> {
            if (previous == null || previous[end].isEmpty()) {
                return false;
            }
            try {
                if (withTime) {
                    LocalDateTime from = LocalDateTime.parse(previous[start], DATE_TIME);
                    long minutes = ChronoUnit.MINUTES.between(from, LocalDateTime.parse(previous[end], DATE_TIME));
                    if (minutes < 2) {
                        return false;
                    }
                    row[start] = dateTime(from.plusMinutes(minutes / 2));
                } else {
                    LocalDate from = LocalDate.parse(previous[start], DATE);
                    if (ChronoUnit.DAYS.between(from, LocalDate.parse(previous[end], DATE)) < 2) {
                        return false;
                    }
                    row[start] = date(from.plusDays(1));
                }
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        });
    }

    /** K2_WITHOUT_URN blanks a children's home's URN; UNKNOWN_URN gives one Ofsted never issued (SC9...). */
    private static Option urnFault(FaultKind kind, List<String> columns, String placeField) {
        int place = columns.indexOf(placeField);
        int urn = columns.indexOf("URN");
        return new Option(kind, "URN", (row, previous, random) -> {
            if (!row[place].equals("K2")) {
                return false;
            }
            row[urn] = kind == FaultKind.K2_WITHOUT_URN ? "" : String.format("SC9%05d", random.nextInt(100_000));
            return true;
        });
    }

    private static Option malformedPostcode(List<String> columns, String field) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.MALFORMED_POSTCODE, field, (row, previous, random) -> {
            if (row[column].isEmpty()) {
                return false;
            }
            row[column] = row[column].replace(" ", "") + "Q"; // no space and a stray letter: no normalising rescues it
            return true;
        });
    }

    private static Option duplicate(String keyField) {
        return new Option(FaultKind.DUPLICATE_ROW, keyField, null);
    }

    private static Option childNotInHeader(List<String> columns) {
        int column = columns.indexOf("CHILD");
        return new Option(FaultKind.CHILD_NOT_IN_HEADER, "CHILD", (row, previous, random) -> {
            row[column] = String.format("99%06d", random.nextInt(1_000_000)); // generated IDs have 7 digits
            return true;
        });
    }

    private static Option interviewHeldThoughDeclined(List<String> columns) {
        int accepted = columns.indexOf("RHI_ACCEPTED");
        int end = columns.indexOf("MIS_END");
        int completed = columns.indexOf("RHI_COMPLETED_DATETIME");
        int by = columns.indexOf("RHI_CONDUCTED_BY");
        return new Option(FaultKind.RHI_INCONSISTENT, "RHI_COMPLETED_DATETIME", (row, previous, random) -> {
            if (!row[accepted].equals("N") || row[end].isEmpty()) {
                return false;
            }
            row[completed] = dateTime(LocalDateTime.parse(row[end], DATE_TIME).plusHours(24 + random.nextInt(48)));
            row[by] = "IND";
            return true;
        });
    }
}

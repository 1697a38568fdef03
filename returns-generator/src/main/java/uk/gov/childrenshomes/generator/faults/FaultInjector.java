package uk.gov.childrenshomes.generator.faults;

import uk.gov.childrenshomes.generator.CollectionYear;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import static uk.gov.childrenshomes.generator.output.DateText.DATE;
import static uk.gov.childrenshomes.generator.output.DateText.DATE_TIME;
import static uk.gov.childrenshomes.generator.output.DateText.date;
import static uk.gov.childrenshomes.generator.output.DateText.dateTime;

/**
 * Injects realistic faults into the rows of an LA's file: each eligible row is faulted with probability {@code rate},
 * by one fault drawn from those that make sense for the file and the row, and every fault is recorded with the row
 * number it ends up at and the validation rule the ingest should report it under (DfE's SSDA903 code or the
 * ingest's own, as in jobs' rule catalogue; MIS-/OOA- codes from docs/returns). A row is faulted at most once,
 * faults that involve the child's previous row (overlaps) are only made against an unfaulted one, and no fault
 * moves a date out of the collection year, so each recorded fault is the only thing wrong with its row.
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

    /** A fault that fits some rows of a file, and the rule it breaks. */
    private record Option(FaultKind kind, String field, String rule, Mutation mutation) {
    }

    private final double rate;
    private final CollectionYear year;

    public FaultInjector(double rate, CollectionYear year) {
        this.rate = rate;
        this.year = year;
    }

    /**
     * Returns the rows with faults injected (duplicates add rows) and appends the faults to {@code faults}.
     * {@code file} names the file in the ground truth; {@code columns} is its header. Only rows {@code eligible}
     * accepts are faulted: the caller keeps faults away from rows whose rejection would set off other rules on
     * other rows (a child's episodes when their missing periods or oversight rows depend on them).
     */
    public List<String[]> inject(FaultableFile kind, String laCode, String returnName, String file, List<String> columns,
                                 List<String[]> rows, Predicate<String[]> eligible, SplittableRandom random,
                                 List<InjectedFault> faults) {
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
            Option applied = random.nextDouble() < rate && eligible.test(original)
                    ? applyOne(options, row, previous, random) : null;
            out.add(row);
            if (applied != null && applied.kind != FaultKind.DUPLICATE_ROW) {
                faulted.set(out.size() - 1);
                faults.add(new InjectedFault(laCode, returnName, file, out.size(), applied.kind, applied.field,
                        applied.rule));
            }
            if (applied != null && applied.kind == FaultKind.DUPLICATE_ROW) {
                out.add(row.clone());
                faulted.set(out.size() - 1);
                faults.add(new InjectedFault(laCode, returnName, file, out.size(), applied.kind, applied.field,
                        applied.rule));
            }
            lastRowOfChild.put(child, out.size() - 1);
        }
        return out;
    }

    /** Tries the options from a random one onwards until one fits (a duplicate's mutation only checks the row). */
    private static Option applyOne(List<Option> options, String[] row, String[] previous, SplittableRandom random) {
        int first = random.nextInt(options.size());
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get((first + i) % options.size());
            if (option.mutation.apply(row, previous, random)) {
                return option;
            }
        }
        return null;
    }

    /** The faults of each file, with the rule each breaks (jobs' rule catalogue for SSDA903, docs/returns otherwise). */
    private List<Option> options(FaultableFile kind, List<String> columns) {
        return switch (kind) {
            case SSDA903_HEADER -> List.of(
                    invalidDate(columns, "DOB", false, "102"),
                    unknownCode(columns, "SEX", "9", "101"),
                    blank(columns, "ETHNIC", "103"),
                    duplicate(columns, "CHILD", null, "DP068"));
            case SSDA903_EPISODES -> List.of(
                    invalidDate(columns, "DECOM", false, "141"),
                    endBeforeStart(columns, "DECOM", "DEC", false, "DP060"),
                    unknownCode(columns, "PLACE", "K9", "146"),
                    blank(columns, "LS", "144"),
                    overlap(FaultKind.OVERLAPPING_EPISODES, columns, "DECOM", "DEC", false, "501"),
                    urnFault(FaultKind.K2_WITHOUT_URN, columns, "218"),
                    urnFault(FaultKind.UNKNOWN_URN, columns, "DP064"),
                    malformedPostcode(columns, "PL_POST", "392c"),
                    // Only an ended episode: a copy of an open one would also leave the original open before a
                    // later episode (DP061).
                    duplicate(columns, "DECOM", "DEC", "DP062"),
                    childNotInHeader(columns, "DP063"));
            case SSDA903_MISSING -> List.of(
                    invalidDate(columns, "MIS_START", false, "1004"),
                    endBeforeStart(columns, "MIS_START", "MIS_END", false, "567"),
                    unknownCode(columns, "MISSING", "X", "1006"),
                    overlap(FaultKind.OVERLAPPING_MISSING, columns, "MIS_START", "MIS_END", false, "574"),
                    duplicate(columns, "MIS_START", null, "DP070"));
            case MISSING_RETURN -> List.of(
                    invalidDate(columns, "MIS_START", true, "MIS-06"),
                    endBeforeStart(columns, "MIS_START", "MIS_END", true, "MIS-07"),
                    unknownCode(columns, "MISSING_TYPE", "X", "MIS-05"),
                    blank(columns, "CHILD", "MIS-02"),
                    overlap(FaultKind.OVERLAPPING_MISSING, columns, "MIS_START", "MIS_END", true, "MIS-10"),
                    duplicate(columns, "INCIDENT_ID", null, "MIS-01"),
                    interviewHeldThoughDeclined(columns, "MIS-15"));
            case OVERSIGHT_RETURN -> List.of(
                    invalidDate(columns, "DECOM", false, "OOA-02"),
                    unknownCode(columns, "APPROVED_BY", "CEO", "OOA-07"),
                    blank(columns, "EMERGENCY", "OOA-08"),
                    urnFault(FaultKind.K2_WITHOUT_URN, columns, "OOA-05"),
                    urnFault(FaultKind.UNKNOWN_URN, columns, "OOA-05"),
                    duplicate(columns, "DECOM", null, "OOA-03"));
        };
    }

    /** 30 February, or the ISO order some systems export: neither is a dd/mm/yyyy date. */
    private static Option invalidDate(List<String> columns, String field, boolean withTime, String rule) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.INVALID_DATE, field, rule, (row, previous, random) -> {
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

    /**
     * An end before its start, for a start in the collection year only: an episode that began before the year and
     * now "ended" before it would also break the rule on episodes ended before the year (DP069).
     */
    private Option endBeforeStart(List<String> columns, String startField, String endField, boolean withTime,
                                  String rule) {
        int start = columns.indexOf(startField);
        int end = columns.indexOf(endField);
        return new Option(FaultKind.END_BEFORE_START, endField, rule, (row, previous, random) -> {
            if (row[end].isEmpty()) {
                return false;
            }
            if (withTime) {
                LocalDateTime from = LocalDateTime.parse(row[start], DATE_TIME);
                if (!year.contains(from.toLocalDate())) {
                    return false;
                }
                row[end] = dateTime(from.minusHours(1 + random.nextInt(48)));
            } else {
                LocalDate from = LocalDate.parse(row[start], DATE);
                if (!year.contains(from)) {
                    return false;
                }
                row[end] = date(from.minusDays(1 + random.nextInt(30)));
            }
            return true;
        });
    }

    private static Option unknownCode(List<String> columns, String field, String code, String rule) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.UNKNOWN_CODE, field, rule, (row, previous, random) -> {
            row[column] = code;
            return true;
        });
    }

    private static Option blank(List<String> columns, String field, String rule) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.BLANK_REQUIRED, field, rule, (row, previous, random) -> {
            if (row[column].isEmpty()) {
                return false;
            }
            row[column] = "";
            return true;
        });
    }

    /**
     * Moves the start back inside the child's previous (unfaulted) period, which must be long enough to hold it,
     * keeping the new start in the collection year.
     */
    private Option overlap(FaultKind kind, List<String> columns, String startField, String endField, boolean withTime,
                           String rule) {
        int start = columns.indexOf(startField);
        int end = columns.indexOf(endField);
        return new Option(kind, startField, rule, (row, previous, random) -> {
            if (previous == null || previous[end].isEmpty()) {
                return false;
            }
            if (withTime) {
                LocalDateTime from = LocalDateTime.parse(previous[start], DATE_TIME);
                long minutes = ChronoUnit.MINUTES.between(from, LocalDateTime.parse(previous[end], DATE_TIME));
                LocalDateTime moved = from.plusMinutes(minutes / 2);
                if (minutes < 2 || !year.contains(moved.toLocalDate())) {
                    return false;
                }
                row[start] = dateTime(moved);
            } else {
                LocalDate from = LocalDate.parse(previous[start], DATE);
                LocalDate moved = from.plusDays(1);
                if (ChronoUnit.DAYS.between(from, LocalDate.parse(previous[end], DATE)) < 2 || !year.contains(moved)) {
                    return false;
                }
                row[start] = date(moved);
            }
            return true;
        });
    }

    /** K2_WITHOUT_URN blanks a children's home's URN; UNKNOWN_URN gives one Ofsted never issued (SC9...). */
    private static Option urnFault(FaultKind kind, List<String> columns, String rule) {
        int place = columns.indexOf("PLACE");
        int urn = columns.indexOf("URN");
        return new Option(kind, "URN", rule, (row, previous, random) -> {
            if (!row[place].equals("K2")) {
                return false;
            }
            row[urn] = kind == FaultKind.K2_WITHOUT_URN ? "" : String.format("SC9%05d", random.nextInt(100_000));
            return true;
        });
    }

    private static Option malformedPostcode(List<String> columns, String field, String rule) {
        int column = columns.indexOf(field);
        return new Option(FaultKind.MALFORMED_POSTCODE, field, rule, (row, previous, random) -> {
            if (row[column].isEmpty()) {
                return false;
            }
            row[column] = row[column].replace(" ", "") + "Q"; // no space and a stray letter: no normalising rescues it
            return true;
        });
    }

    /**
     * An exact copy of the row, added after it by {@link #inject}; {@code requiredField}, when given, must be
     * filled in the row copied. The copy is the faulted row: {@code keyField} repeats.
     */
    private static Option duplicate(List<String> columns, String keyField, String requiredField, String rule) {
        int required = requiredField == null ? -1 : columns.indexOf(requiredField);
        return new Option(FaultKind.DUPLICATE_ROW, keyField, rule,
                (row, previous, random) -> required < 0 || !row[required].isEmpty());
    }

    private static Option childNotInHeader(List<String> columns, String rule) {
        int column = columns.indexOf("CHILD");
        return new Option(FaultKind.CHILD_NOT_IN_HEADER, "CHILD", rule, (row, previous, random) -> {
            row[column] = String.format("99%06d", random.nextInt(1_000_000)); // generated IDs have 7 digits
            return true;
        });
    }

    private static Option interviewHeldThoughDeclined(List<String> columns, String rule) {
        int accepted = columns.indexOf("RHI_ACCEPTED");
        int end = columns.indexOf("MIS_END");
        int completed = columns.indexOf("RHI_COMPLETED_DATETIME");
        int by = columns.indexOf("RHI_CONDUCTED_BY");
        return new Option(FaultKind.RHI_INCONSISTENT, "RHI_COMPLETED_DATETIME", rule, (row, previous, random) -> {
            if (!row[accepted].equals("N") || row[end].isEmpty()) {
                return false;
            }
            row[completed] = dateTime(LocalDateTime.parse(row[end], DATE_TIME).plusHours(24 + random.nextInt(48)));
            row[by] = "IND";
            return true;
        });
    }
}

package uk.gov.childrenshomes.publish.disclosure;

import uk.gov.childrenshomes.publish.tables.Cell;
import uk.gov.childrenshomes.publish.tables.CellKey;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;
import uk.gov.childrenshomes.publish.tables.Indicator;
import uk.gov.childrenshomes.publish.tables.TableDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one suppression engine of the pack: from the aggregated grid of a table to the published indicator values.
 * It runs on the collected grid (thousands of rows, not millions) because secondary suppression is an iteration to
 * a fixed point, which is simple and auditable in plain Java.
 *
 * <p>For each disclosive count indicator (children, placements, incidents; see {@link Indicator}): LA cells within the policy's small range are suppressed (primary); then, within
 * each LA and year, every line of the table (the cells that differ only in one filter, that filter's Total
 * included) with exactly one suppressed cell gets a second one, the smallest non-zero cell of the line, until no
 * such line remains (secondary), so that no suppressed cell equals a published total minus published cells.
 * National and regional counts are rounded. Percentages come from unrounded counts; medians are suppressed with
 * their row or when taken over too few values.
 */
public final class DisclosureControl {

    private final DisclosurePolicy policy;

    public DisclosureControl(DisclosurePolicy policy) {
        this.policy = policy;
    }

    /** Published indicator values of every cell, in the table's indicator order. */
    public Map<CellKey, List<String>> publish(TableDefinition table, List<Cell> cells) {
        Map<CellKey, Cell> byKey = new LinkedHashMap<>();
        cells.forEach(cell -> byKey.put(cell.key(), cell));
        Map<String, Set<CellKey>> suppressed = new HashMap<>();
        for (Indicator tally : table.tallies()) {
            suppressed.put(tally.column(), tally.disclosive()
                    ? suppressedCells(table, tally.column(), byKey.values()) : Set.of());
        }
        Map<CellKey, List<String>> published = new LinkedHashMap<>();
        for (Cell cell : byKey.values()) {
            List<String> values = new ArrayList<>(table.indicators().size());
            for (Indicator indicator : table.indicators()) {
                values.add(switch (indicator.kind()) {
                    case COUNT, SUM -> tally(cell, indicator, suppressed.get(indicator.column()));
                    case PERCENT -> percent(table, cell, indicator, byKey, suppressed);
                    case MEDIAN -> median(cell, indicator, suppressed);
                });
            }
            published.put(cell.key(), values);
        }
        return published;
    }

    /** Primary then secondary suppression of one disclosive count indicator (LA level only: other levels are rounded). */
    Set<CellKey> suppressedCells(TableDefinition table, String indicator, java.util.Collection<Cell> cells) {
        Map<List<Object>, List<Cell>> byLaAndYear = cells.stream()
                .filter(c -> c.key().level() == GeographicLevel.LOCAL_AUTHORITY && c.available())
                .collect(Collectors.groupingBy(c -> List.of(c.key().timePeriod(), c.key().areaCode()),
                        LinkedHashMap::new, Collectors.toList()));
        Set<CellKey> suppressed = new HashSet<>();
        for (List<Cell> group : byLaAndYear.values()) {
            group.stream().filter(c -> policy.isSmall(c.count(indicator))).forEach(c -> suppressed.add(c.key()));
            List<Line> lines = lines(table, group);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Line line : lines) {
                    if (line.cells().stream().filter(c -> suppressed.contains(c.key())).count() == 1) {
                        suppressed.add(line.complement(indicator, suppressed).key());
                        changed = true;
                    }
                }
            }
        }
        return suppressed;
    }

    /** The cells of one LA and year that differ only in the level of {@code filter}, its Total included. */
    record Line(int filter, List<Cell> cells) {

        /** The cell to suppress beside a lone suppressed one: the smallest non-zero, a level before the Total. */
        Cell complement(String indicator, Set<CellKey> suppressed) {
            Comparator<Cell> order = Comparator.<Cell>comparingInt(c -> c.count(indicator) == 0 ? 1 : 0)
                    .thenComparingLong(c -> c.count(indicator))
                    .thenComparingInt(c -> Filter.TOTAL.equals(c.key().filterLevels().get(filter)) ? 1 : 0);
            return cells.stream().filter(c -> !suppressed.contains(c.key())).min(order)
                    .orElseThrow(() -> new IllegalStateException("A line of one cell cannot be protected: " + cells));
        }
    }

    /** The lines of one LA and year: for each filter, the cells agreeing on every other filter. */
    static List<Line> lines(TableDefinition table, List<Cell> group) {
        List<Line> lines = new ArrayList<>();
        for (int filter = 0; filter < table.filters().size(); filter++) {
            int varying = filter;
            group.stream()
                    .collect(Collectors.groupingBy(c -> c.key().withFilterLevel(varying, "*"),
                            LinkedHashMap::new, Collectors.toList()))
                    .values().forEach(cells -> lines.add(new Line(varying, cells)));
        }
        return lines;
    }

    private String tally(Cell cell, Indicator indicator, Set<CellKey> suppressed) {
        if (!cell.available()) {
            return Symbols.UNAVAILABLE;
        }
        long value = cell.count(indicator.column());
        if (!indicator.disclosive()) {
            return Long.toString(value);
        }
        if (cell.key().level() != GeographicLevel.LOCAL_AUTHORITY) {
            return Long.toString(roundHalfUp(value, policy.roundTo()));
        }
        return suppressed.contains(cell.key()) ? Symbols.SUPPRESSED : Long.toString(value);
    }

    static long roundHalfUp(long value, long base) {
        return Math.floorDiv(value + base / 2, base) * base;
    }

    private String percent(TableDefinition table, Cell cell, Indicator indicator, Map<CellKey, Cell> byKey,
                           Map<String, Set<CellKey>> suppressed) {
        CellKey denominatorKey = cell.key();
        for (String total : indicator.denominatorTotals()) {
            denominatorKey = denominatorKey.withFilterLevel(table.filterIndex(total), Filter.TOTAL);
        }
        Cell denominator = byKey.get(denominatorKey);
        if (!cell.available() || !denominator.available()) {
            return Symbols.UNAVAILABLE;
        }
        if (suppressed.get(indicator.numerator()).contains(cell.key())
                || suppressed.get(indicator.denominator()).contains(denominatorKey)) {
            return Symbols.SUPPRESSED;
        }
        long over = denominator.count(indicator.denominator());
        if (over == 0) {
            return Symbols.NOT_APPLICABLE;
        }
        BigDecimal percent = BigDecimal.valueOf(cell.count(indicator.numerator()) * 100L)
                .divide(BigDecimal.valueOf(over), 12, RoundingMode.HALF_UP);
        if (percent.signum() > 0 && percent.compareTo(policy.lowPercentBelow()) < 0) {
            return Symbols.LOW;
        }
        return percent.setScale(policy.percentDecimals(), RoundingMode.HALF_UP).toPlainString();
    }

    private String median(Cell cell, Indicator indicator, Map<String, Set<CellKey>> suppressed) {
        if (!cell.available()) {
            return Symbols.UNAVAILABLE;
        }
        long basis = cell.medianBases().get(indicator.column());
        if (basis == 0) {
            return Symbols.NOT_APPLICABLE;
        }
        boolean rowSuppressed = suppressed.values().stream().anyMatch(s -> s.contains(cell.key()));
        if (rowSuppressed || basis <= policy.suppressTo()) {
            return Symbols.SUPPRESSED;
        }
        // The median is held in units of its measure, so it is exact (a whole or a half unit) before this one rounding.
        return BigDecimal.valueOf(cell.medians().get(indicator.column()))
                .divide(BigDecimal.valueOf(indicator.measurePerUnit()), indicator.dp(), RoundingMode.HALF_UP).toPlainString();
    }
}

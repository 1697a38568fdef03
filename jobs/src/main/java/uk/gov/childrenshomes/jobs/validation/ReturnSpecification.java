package uk.gov.childrenshomes.jobs.validation;

import java.util.List;
import java.util.Optional;

/**
 * What a return looks like in one collection year: its tables, columns and code lists, loaded from
 * {@code specs/<return>/<effective_from>.yaml}.
 *
 * @param refreshProcedure   set-based procedure that rebuilds the warehouse rows from a loaded submission
 * @param ignoreExtraColumns true where the source legitimately carries many columns we do not use (ONSPD)
 */
public record ReturnSpecification(String returnCode, int effectiveFrom, String refreshProcedure, boolean ignoreExtraColumns,
                                  List<TableSpecification> tables) {

    public Optional<TableSpecification> tableForFile(String fileName) {
        return tables.stream().filter(table -> table.matches(fileName)).findFirst();
    }

    public Optional<TableSpecification> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}

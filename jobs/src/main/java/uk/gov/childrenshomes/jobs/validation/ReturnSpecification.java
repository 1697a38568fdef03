package uk.gov.childrenshomes.jobs.validation;

import java.util.List;
import java.util.Optional;

/**
 * What a return looks like in one collection year: its tables, columns and code lists, loaded from
 * {@code specs/<return>/<effective_from>.yaml}.
 *
 * @param refreshProcedure   set-based procedure that rebuilds the warehouse rows from a loaded submission
 * @param ignoreExtraColumns a third-party layout (ONSPD, the Ofsted register): columns we do not use are ignored and
 *                           only required columns must be in the header
 * @param supersedesPrevious a new submission replaces the previous one of the LA and year (false for ONSPD, whose
 *                           files add up: each is merged into the postcode directory)
 */
public record ReturnSpecification(String returnCode, int effectiveFrom, String refreshProcedure, boolean ignoreExtraColumns,
                                  boolean supersedesPrevious, List<TableSpecification> tables) {

    public Optional<TableSpecification> tableForFile(String fileName) {
        return tables.stream().filter(table -> table.matches(fileName)).findFirst();
    }

    public Optional<TableSpecification> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
